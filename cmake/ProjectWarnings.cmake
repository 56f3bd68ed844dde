# pd_set_warnings(target): the warning set every project target builds with.
function(pd_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion -Wnon-virtual-dtor)
  if(PD_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# pd_add_test(name SOURCES ... LIBS ...): one GoogleTest executable registered with CTest.
function(pd_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE PD_TESTDATA_DEFAULT="${PD_TESTDATA_DEFAULT}"
                                             PD_BUILD_DIR="${CMAKE_BINARY_DIR}")
  pd_set_warnings(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "${ARG_LABELS}")
endfunction()
