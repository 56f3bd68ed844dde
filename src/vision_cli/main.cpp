#include <iostream>
#include <string>
#include <vector>

#include "commands.h"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::string error;
    const auto options = pd::vision::cli::parse_options(args, error);
    if (!options) {
        std::cerr << "error: " << error << "\n\n" << pd::vision::cli::usage();
        return pd::vision::cli::kUsage;
    }
    return pd::vision::cli::run(*options);
}
