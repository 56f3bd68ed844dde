// pensiondesk-idsim as a separate process: the first stdout line is the device path, the
// control FIFO lays down and lifts the card, and read-card works against it.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "devices/read_card_command.h"
#include "sim_fixture.h"

namespace pd::devices {
namespace {

using namespace test;

// Runs the simulator with `args`; the child's stdout comes back through a pipe.
class IdsimProcess {
  public:
    explicit IdsimProcess(std::vector<std::string> args) {
        int out[2];
        if (::pipe(out) != 0) throw std::runtime_error("pipe");
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            std::vector<char*> argv;
            std::string program = PD_IDSIM_PROGRAM;
            argv.push_back(program.data());
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(program.c_str(), argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        stdout_ = out[0];
    }
    ~IdsimProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
        if (stdout_ >= 0) ::close(stdout_);
    }
    // The next line of its stdout; empty at end of file or after 5 s, so a test never hangs.
    std::string line() {
        std::string s;
        for (;;) {
            pollfd p{stdout_, POLLIN, 0};
            if (::poll(&p, 1, 5000) <= 0) return s;
            char c = 0;
            if (::read(stdout_, &c, 1) != 1 || c == '\n') return s;
            s += c;
        }
    }
    // Waits for the process to exit by itself; its exit status.
    int wait() {
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

  private:
    pid_t pid_ = -1;
    int stdout_ = -1;
};

void send(const std::string& fifo, const std::string& line) {
    std::ofstream(fifo) << line << '\n';
}

TEST(IdsimProcess, ServesACardFileAndObeysTheControlFifo) {
    const std::string link = unique_link();
    const std::string fifo = link + ".ctl";
    IdsimProcess sim({"--card", std::string(PD_DEVICES_TEST_DIR) + "/cards/resident_expired.json",
                      "--link", link, "--control", fifo, "--absent"});
    const std::string path = sim.line();
    ASSERT_EQ(path, link);

    std::ostringstream out, err;
    EXPECT_EQ(run_read_card_command({"--port", path, "--timeout-ms", "0"}, out, err),
              exit_code::kNoCard);

    send(fifo, "place");
    EXPECT_EQ(sim.line(), "ok");
    out.str("");
    ASSERT_EQ(run_read_card_command({"--port", path, "--json", "--fingerprint"}, out, err),
              exit_code::kOk)
        << err.str();
    EXPECT_NE(out.str().find("\"name\":\"李秀英\""), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("\"expired\":true"), std::string::npos);
    EXPECT_NE(out.str().find("\"fingerprint_bytes\":512"), std::string::npos);

    send(fifo, "fault bogus");
    EXPECT_NE(sim.line().find("error"), std::string::npos);
    send(fifo, "quit");
    EXPECT_EQ(sim.wait(), 0);
}

TEST(IdsimProcess, RejectsBadArguments) {
    IdsimProcess sim({"--fault", "meteor"});
    EXPECT_EQ(sim.line(), "");
    EXPECT_EQ(sim.wait(), 2);
}

}  // namespace
}  // namespace pd::devices
