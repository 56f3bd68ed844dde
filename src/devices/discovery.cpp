#include "devices/discovery.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "devices/responses.h"

namespace pd::devices {

namespace fs = std::filesystem;

std::vector<std::string> candidate_ports() {
    std::vector<std::string> out;
#if defined(_WIN32)
    for (int n = 1; n <= 32; ++n) out.push_back("\\\\.\\COM" + std::to_string(n));
#else
    std::error_code ec;
    std::set<fs::path> reached;  // devices already listed through a by-id link
    std::vector<std::string> by_id;
    for (const auto& entry : fs::directory_iterator("/dev/serial/by-id", ec)) {
        by_id.push_back(entry.path().string());
        std::error_code ignored;
        reached.insert(fs::canonical(entry.path(), ignored));
    }
    std::sort(by_id.begin(), by_id.end());
    out = by_id;
    std::vector<std::string> ttys;
    for (const auto& entry : fs::directory_iterator("/dev", ec)) {
        const auto name = entry.path().filename().string();
        if (name.starts_with("ttyUSB") || name.starts_with("ttyACM")) {
            if (!reached.contains(entry.path())) ttys.push_back(entry.path().string());
        }
    }
    std::sort(ttys.begin(), ttys.end());
    out.insert(out.end(), ttys.begin(), ttys.end());
#endif
    return out;
}

Result<std::string> discover_reader(const std::vector<std::string>& candidates, unsigned baud,
                                    std::chrono::milliseconds probe_timeout) {
    std::string tried;
    std::set<std::string> seen;
    for (const auto& port : candidates) {
        if (!seen.insert(port).second) continue;
        if (!tried.empty()) tried += "; ";
        auto link = SerialLink::open(port, baud);
        if (!link) {
            tried += port + ": cannot open";
            continue;
        }
        auto answer = link->transact(command::kSamStatus, probe_timeout);
        if (answer && answer->status == sw3::kSuccess) return port;
        tried += port + ": " +
                 (answer ? "status " + hex_byte(answer->status)
                         : std::string(to_string(answer.error().kind)));
    }
    return ReaderError{ErrorKind::NoReader, std::nullopt,
                       tried.empty() ? "no serial ports found" : "probed " + tried};
}

}  // namespace pd::devices
