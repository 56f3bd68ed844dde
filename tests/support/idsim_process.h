// pensiondesk-idsim as a child process for the UI tests: it prints the pty path of the simulated
// reader on its first line and takes commands ("quit", "remove", ...) on a FIFO.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace pd::test {

// A second-generation resident ID card as the simulator's card JSON (docs/devices.md).
struct ResidentCard {
    std::string name;
    std::string sex;         // "1" male, "2" female
    std::string birth_date;  // YYYYMMDD
    std::string address;
    std::string id_number;
    std::string issuing_authority;
    std::string valid_to = "长期";
};

inline void write_card_json(const std::filesystem::path& file, const ResidentCard& c) {
    std::ofstream out(file);
    out << R"({"type":"resident_id","name":")" << c.name << R"(","sex":")" << c.sex
        << R"(","nation":"01","birth_date":")" << c.birth_date << R"(","address":")" << c.address
        << R"(","id_number":")" << c.id_number << R"(","issuing_authority":")"
        << c.issuing_authority << R"(","valid_from":"20100101","valid_to":")" << c.valid_to
        << R"(","newest_address":null})";
}

class IdsimProcess {
  public:
    IdsimProcess(const std::string& program, const std::filesystem::path& card,
                 const std::filesystem::path& fifo)
        : fifo_(fifo) {
        const std::string cmd =
            "'" + program + "' --card '" + card.string() + "' --control '" + fifo.string() + "'";
        pipe_ = ::popen(cmd.c_str(), "r");
        if (!pipe_) return;
        char line[512] = {};
        if (std::fgets(line, sizeof line, pipe_)) {
            path_ = line;
            while (!path_.empty() && (path_.back() == '\n' || path_.back() == '\r'))
                path_.pop_back();
        }
    }
    IdsimProcess(const IdsimProcess&) = delete;
    IdsimProcess& operator=(const IdsimProcess&) = delete;
    ~IdsimProcess() { stop(); }

    // Asks it to quit through the FIFO (so before the FIFO's folder goes) and waits for it.
    void stop() {
        if (!pipe_) return;
        send("quit");
        ::pclose(pipe_);
        pipe_ = nullptr;
    }
    // The reader's pty; empty when the simulator did not start.
    [[nodiscard]] const std::string& path() const { return path_; }
    void send(const std::string& line) const {
        const int fd = ::open(fifo_.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) return;
        const std::string text = line + "\n";
        [[maybe_unused]] const auto n = ::write(fd, text.data(), text.size());
        ::close(fd);
    }

  private:
    std::filesystem::path fifo_;
    FILE* pipe_ = nullptr;
    std::string path_;
};

}  // namespace pd::test
