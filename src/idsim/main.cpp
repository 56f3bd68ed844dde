// pensiondesk-idsim: a simulated ID card reader on a pseudo-terminal. Prints the device path as
// the first line of stdout, then serves until SIGINT/SIGTERM or "quit". Control lines (place,
// lift, fault NAME [COUNT], clear, unplug, plug, status, quit) come on stdin and, with
// --control FIFO, on a named pipe.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "idsim/simulator.h"

namespace {

constexpr std::string_view kUsage =
    "usage: pensiondesk-idsim [--card FILE.json | --sample resident_id|hk_macau_taiwan_permit|\n"
    "                          foreign_permanent_resident|unsupported]\n"
    "                         [--absent] [--fault NAME[:COUNT]]... [--slow-ms N]\n"
    "                         [--link PATH] [--control FIFO]\n"
    "faults: lift_mid_read bad_checksum split garbage silence refuse_fingerprint slow\n";

// Lines arriving on one descriptor, split at newlines.
struct LineSource {
    int fd = -1;
    std::string pending;
    bool open = true;
};

int run(const std::vector<std::string>& args) {
    using namespace pd::idsim;
    std::optional<SimCard> card;
    SimOptions options;
    std::string control_path;
    bool absent = false;
    std::vector<std::pair<Fault, int>> faults;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
            return args[++i];
        };
        if (a == "--card") {
            card = load_card_file(value());
        } else if (a == "--sample") {
            const std::string name = value();
            bool ok = false;
            for (auto t :
                 {pd::devices::CardType::ResidentId, pd::devices::CardType::HkMacauTaiwanPermit,
                  pd::devices::CardType::ForeignPermanentResident,
                  pd::devices::CardType::Unsupported}) {
                if (pd::devices::to_string(t) == name) {
                    card = sample_card(t);
                    ok = true;
                }
            }
            if (!ok) throw std::invalid_argument("unknown sample '" + name + "'");
        } else if (a == "--absent") {
            absent = true;
        } else if (a == "--link") {
            options.link = value();
        } else if (a == "--control") {
            control_path = value();
        } else if (a == "--slow-ms") {
            const std::string v = value();
            int ms = 0;
            const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), ms);
            if (ec != std::errc{} || end != v.data() + v.size() || ms < 0) {
                throw std::invalid_argument("--slow-ms needs a number");
            }
            options.slow = std::chrono::milliseconds(ms);
        } else if (a == "--fault") {
            const std::string v = value();
            const auto colon = v.find(':');
            const auto fault = parse_fault(v.substr(0, colon));
            if (!fault) throw std::invalid_argument("unknown fault '" + v + "'");
            int count = -1;
            if (colon != std::string::npos) count = std::stoi(v.substr(colon + 1));
            faults.emplace_back(*fault, count);
        } else if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return 0;
        } else {
            throw std::invalid_argument("unknown option '" + a + "'");
        }
    }
    if (!card) card = sample_card(pd::devices::CardType::ResidentId);
    if (absent) card->present = false;

    // Signals arrive as readable data, so one poll loop handles them with the control lines.
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGTERM);
    sigprocmask(SIG_BLOCK, &mask, nullptr);
    const int sigfd = signalfd(-1, &mask, SFD_CLOEXEC);

    Simulator sim(std::move(*card), options);
    for (const auto& [f, n] : faults) sim.set_fault(f, n);
    sim.start();
    // The control FIFO exists before the path is printed: whoever reads it may write at once.
    std::vector<LineSource> sources{{STDIN_FILENO, {}, true}};
    if (!control_path.empty()) {
        struct stat st {};
        if (::mkfifo(control_path.c_str(), 0600) != 0 &&
            !(errno == EEXIST && ::stat(control_path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode))) {
            throw std::runtime_error("cannot create FIFO " + control_path);
        }
        // Opened read-write so it never reports end-of-file when a writer goes away.
        const int fd = ::open(control_path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) throw std::runtime_error("cannot open FIFO " + control_path);
        sources.push_back({fd, {}, true});
    }
    std::cout << sim.device_path() << std::endl;

    for (;;) {
        std::vector<pollfd> fds{{sigfd, POLLIN, 0}};
        for (const auto& s : sources) fds.push_back({s.open ? s.fd : -1, POLLIN, 0});
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (fds[0].revents & POLLIN) break;
        bool quit = false;
        for (std::size_t i = 0; i < sources.size(); ++i) {
            if (!(fds[i + 1].revents & (POLLIN | POLLHUP))) continue;
            std::array<char, 512> buf{};
            const auto n = ::read(sources[i].fd, buf.data(), buf.size());
            if (n <= 0) {
                sources[i].open = false;  // stdin closed: keep serving until a signal
                continue;
            }
            sources[i].pending.append(buf.data(), static_cast<std::size_t>(n));
            std::size_t nl;
            while ((nl = sources[i].pending.find('\n')) != std::string::npos) {
                std::string line = sources[i].pending.substr(0, nl);
                sources[i].pending.erase(0, nl + 1);
                if (line == "quit") quit = true;
                if (quit) break;
                std::cout << sim.control(line) << std::endl;
            }
        }
        if (quit) break;
    }
    sim.stop();
    if (!control_path.empty()) ::unlink(control_path.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::invalid_argument& e) {
        std::cerr << "pensiondesk-idsim: " << e.what() << '\n' << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "pensiondesk-idsim: " << e.what() << '\n';
        return 1;
    }
}
