// pensiondesk-vision's exit codes and error messages, one per failure class.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>

#include "test_support.h"

namespace pd::vision {
namespace {

struct Run {
    int code;
    std::string out;
};

Run cli(const std::string& args) {
    const std::string cmd = std::string(PD_VISION_CLI) + " " + args + " 2>&1";
    Run r{-1, {}};
    FILE* p = ::popen(cmd.c_str(), "r");
    if (p == nullptr) return r;
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), buf.size(), p) != nullptr) r.out += buf.data();
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

TEST(Cli, DetectVerifyLiveness) {
    const auto faces = test::faces_dir("");
    auto r = cli("detect --json " + (faces / "groups/sample4.jpg").string());
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("\"count\":4"), std::string::npos) << r.out;
    r = cli("verify " + (faces / "verification/images/img1.jpg").string() + " " +
            (faces / "verification/images/img2.jpg").string());
    EXPECT_EQ(r.code, 0) << r.out;
    r = cli("verify --json " + (faces / "verification/images/img1.jpg").string() + " " +
            (faces / "verification/images/img3.jpg").string());
    EXPECT_EQ(r.code, 10) << r.out;
    EXPECT_NE(r.out.find("\"same_person\":false"), std::string::npos) << r.out;
    EXPECT_EQ(cli("liveness " + (faces / "antispoof/image_T1.jpg").string()).code, 0);
    EXPECT_EQ(cli("liveness " + (faces / "antispoof/image_F1.jpg").string()).code, 11);
}

TEST(Cli, FailureClassesHaveTheirOwnExitCodes) {
    const auto faces = test::faces_dir("");
    EXPECT_EQ(cli("").code, 1);
    EXPECT_EQ(cli("detect").code, 1);
    EXPECT_EQ(cli("frobnicate x").code, 1);
    auto r = cli("detect /nonexistent/photo.jpg");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.out.find("image_unreadable"), std::string::npos) << r.out;
    const auto blank = std::filesystem::temp_directory_path() / "pd_vision_cli_blank.png";
    cv::imwrite(blank.string(), cv::Mat(240, 320, CV_8UC3, cv::Scalar::all(127)));
    r = cli("liveness --json " + blank.string());
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.out.find("\"error\":\"no_face\""), std::string::npos) << r.out;
    std::filesystem::remove(blank);
    EXPECT_EQ(cli("liveness " + (faces / "groups/sample1.jpg").string()).code, 4);
    EXPECT_EQ(cli("detect --models /nonexistent " + (faces / "groups/sample1.jpg").string()).code,
              5);
    EXPECT_EQ(cli("challenge --source /no/such/source").code, 6);
    EXPECT_EQ(cli("challenge --source x --actions wave").code, 1);
}

TEST(Cli, AnalyzeWritesOneCsvRowPerFrame) {
    const auto r = cli("analyze " + (test::faces_dir("video") / "liveportrait_d12.mp4").string());
    EXPECT_EQ(r.code, 0);
    const auto lines = std::count(r.out.begin(), r.out.end(), '\n');
    EXPECT_GE(lines, 180);
    EXPECT_EQ(r.out.rfind("frame,time_s,faces,yaw_deg", 0), 0U);
}

TEST(Cli, ChallengeOverVideoReportsJson) {
    const auto r =
        cli("challenge --json --source " +
            (test::faces_dir("video") / "liveportrait_d12.mp4").string() + " --actions shake");
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("\"success\":true"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("请摇头"), std::string::npos);
}

}  // namespace
}  // namespace pd::vision
