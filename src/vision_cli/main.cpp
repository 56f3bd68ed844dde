#include <iostream>
#include <opencv2/core/utils/logger.hpp>
#include <string>
#include <vector>

#include "commands.h"

int main(int argc, char** argv) {
    // OpenCV's own warnings (e.g. every failed camera open while reconnecting) would drown the
    // tool's output; its errors reach the user through our messages.
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::string error;
    const auto options = pd::vision::cli::parse_options(args, error);
    if (!options) {
        std::cerr << "error: " << error << "\n\n" << pd::vision::cli::usage();
        return pd::vision::cli::kUsage;
    }
    return pd::vision::cli::run(*options);
}
