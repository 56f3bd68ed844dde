#include "idsim/simulator.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <sstream>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "devices/reader_error.h"
#include "devices/responses.h"
#include "devices/ucs2.h"

namespace pd::idsim {

namespace sw3 = devices::sw3;
using devices::ByteView;
using devices::frame::encode_response;

namespace {

constexpr std::array<std::pair<Fault, std::string_view>, 7> kFaultNames{{
    {Fault::LiftMidRead, "lift_mid_read"},
    {Fault::BadChecksum, "bad_checksum"},
    {Fault::SplitFrames, "split"},
    {Fault::Garbage, "garbage"},
    {Fault::Silence, "silence"},
    {Fault::RefuseFingerprint, "refuse_fingerprint"},
    {Fault::Slow, "slow"},
}};

[[noreturn]] void throw_errno(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

// A file descriptor that closes itself.
class Fd {
  public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    Fd& operator=(Fd&& o) noexcept {
        if (this != &o) {
            reset();
            fd_ = std::exchange(o.fd_, -1);
        }
        return *this;
    }
    ~Fd() { reset(); }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    [[nodiscard]] int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }

  private:
    int fd_ = -1;
};

// Noise a noisy line might carry, with a false preamble whose length is impossible.
constexpr std::array<std::uint8_t, 17> kGarbage{0x00, 0x13, 0x55, 0xAA, 0xAA, 0x01,
                                                0xFF, 0xAA, 0xAA, 0xAA, 0x96, 0x69,
                                                0xFF, 0xFF, 0x42, 0x24, 0xAA};

}  // namespace

std::optional<Fault> parse_fault(std::string_view name) {
    for (const auto& [fault, n] : kFaultNames) {
        if (n == name) return fault;
    }
    return std::nullopt;
}

std::string_view to_string(Fault fault) {
    for (const auto& [f, n] : kFaultNames) {
        if (f == fault) return n;
    }
    return "?";
}

struct Simulator::State {
    SimOptions options;
    mutable std::mutex mutex;
    std::condition_variable cv;

    // Guarded by mutex.
    SimCard card;
    bool found = false;      // a find succeeded since the card was laid down
    bool selected = false;   // a select succeeded since
    bool read_done = false;  // read since laid down: find fails until lifted (as modules do)
    std::map<Fault, int> faults;
    std::size_t served = 0;
    std::string slave_path;
    std::vector<std::function<void()>> pending;  // run by the serving thread
    std::size_t applied = 0, requested = 0;
    bool stopping = false;

    // Owned by the serving thread once started.
    Fd master, slave_keeper;
    Fd wake_read, wake_write;
    devices::FrameDecoder decoder;
    std::thread thread;

    // Consumes one use of `fault`; true when it applies to this response.
    bool take(Fault fault) {
        auto it = faults.find(fault);
        if (it == faults.end()) return false;
        if (it->second > 0 && --it->second == 0) faults.erase(it);
        return true;
    }

    void open_pty() {
        Fd m(::posix_openpt(O_RDWR | O_NOCTTY));
        if (!m) throw_errno("posix_openpt");
        if (::grantpt(m.get()) != 0 || ::unlockpt(m.get()) != 0) throw_errno("grantpt/unlockpt");
        std::array<char, 128> name{};
        if (::ptsname_r(m.get(), name.data(), name.size()) != 0) throw_errno("ptsname_r");
        // Holding the slave open keeps the master readable while no driver has it open.
        Fd s(::open(name.data(), O_RDWR | O_NOCTTY));
        if (!s) throw_errno(std::string("open ") + name.data());
        termios tio{};
        ::tcgetattr(s.get(), &tio);
        ::cfmakeraw(&tio);
        ::tcsetattr(s.get(), TCSANOW, &tio);
        ::fcntl(m.get(), F_SETFL, ::fcntl(m.get(), F_GETFL) | O_NONBLOCK);
        if (!options.link.empty()) {
            namespace fs = std::filesystem;
            const fs::path tmp = options.link + ".tmp";
            std::error_code ec;
            fs::remove(tmp, ec);
            fs::create_symlink(name.data(), tmp);
            fs::rename(tmp, options.link);  // atomic: the link never dangles to a missing name
        }
        master = std::move(m);
        slave_keeper = std::move(s);
        std::lock_guard lock(mutex);
        slave_path = name.data();
    }

    void close_pty() {
        if (!options.link.empty()) {
            std::error_code ec;
            std::filesystem::remove(options.link, ec);
        }
        master.reset();
        slave_keeper.reset();
        decoder.reset();
    }

    // Runs `op` on the serving thread (or here when it is not running) and waits for it.
    void run_on_thread(std::function<void()> op) {
        std::unique_lock lock(mutex);
        if (!thread.joinable()) {
            lock.unlock();
            op();
            return;
        }
        pending.push_back(std::move(op));
        const std::size_t ticket = ++requested;
        const char byte = 1;
        [[maybe_unused]] auto n = ::write(wake_write.get(), &byte, 1);
        cv.wait(lock, [&] { return applied >= ticket || stopping; });
    }

    // Sleeps unless stopping; false when stopping.
    bool sleep(std::chrono::milliseconds d) {
        std::unique_lock lock(mutex);
        return !cv.wait_for(lock, d, [&] { return stopping; });
    }

    void write_all(ByteView bytes) {
        std::size_t done = 0;
        int stalls = 0;
        while (done < bytes.size() && master) {
            const auto n = ::write(master.get(), bytes.data() + done, bytes.size() - done);
            if (n > 0) {
                done += static_cast<std::size_t>(n);
                continue;
            }
            if (n < 0 && errno != EAGAIN && errno != EINTR) return;
            // Nobody reads: give up after a while rather than hang the simulator.
            if (++stalls > 20) return;
            pollfd p{master.get(), POLLOUT, 0};
            ::poll(&p, 1, 50);
        }
    }

    void send(devices::Bytes response) {
        bool silence, slow, bad, garbage, split;
        {
            std::lock_guard lock(mutex);
            silence = take(Fault::Silence);
            slow = take(Fault::Slow);
            bad = take(Fault::BadChecksum);
            garbage = take(Fault::Garbage);
            split = take(Fault::SplitFrames);
        }
        if (silence) return;
        if (slow && !sleep(options.slow)) return;
        if (bad) response.back() ^= 0x5A;
        if (garbage) {
            devices::Bytes noisy(kGarbage.begin(), kGarbage.end());
            noisy.insert(noisy.end(), response.begin(), response.end());
            noisy.push_back(0x00);
            response = std::move(noisy);
        }
        if (!split) {
            write_all(response);
            return;
        }
        static constexpr std::array<std::size_t, 6> kPieces{1, 3, 7, 2, 5, 64};
        std::size_t at = 0;
        for (std::size_t i = 0; at < response.size(); ++i) {
            const std::size_t n = std::min(kPieces[i % kPieces.size()], response.size() - at);
            write_all(ByteView(response).subspan(at, n));
            at += n;
            if (!sleep(std::chrono::milliseconds(2))) return;
        }
    }

    void serve() {
        std::array<std::uint8_t, 4096> buffer{};
        for (;;) {
            std::vector<std::function<void()>> ops;
            {
                std::lock_guard lock(mutex);
                if (stopping) break;
                ops.swap(pending);
            }
            for (auto& op : ops) op();
            if (!ops.empty()) {
                std::lock_guard lock(mutex);
                applied += ops.size();
                cv.notify_all();
            }
            std::array<pollfd, 2> fds{{{wake_read.get(), POLLIN, 0}, {master.get(), POLLIN, 0}}};
            const nfds_t count = master ? 2 : 1;
            if (::poll(fds.data(), count, 200) < 0 && errno != EINTR) break;
            if (fds[0].revents & POLLIN) {
                std::array<char, 64> drain{};
                [[maybe_unused]] auto n = ::read(wake_read.get(), drain.data(), drain.size());
            }
            if (count == 2 && (fds[1].revents & POLLIN)) {
                const auto n = ::read(master.get(), buffer.data(), buffer.size());
                if (n <= 0) continue;
                decoder.feed(ByteView(buffer.data(), static_cast<std::size_t>(n)));
                while (decoder.has_event()) {
                    auto e = decoder.pop();
                    if (e.kind == devices::DecodeEvent::Kind::Frame) {
                        send(respond(e.body));
                    } else if (e.kind == devices::DecodeEvent::Kind::BadChecksum) {
                        send(encode_response(sw3::kCommandChecksum));
                    }
                }
            }
        }
    }

    devices::Bytes respond(ByteView body) {
        std::lock_guard lock(mutex);
        ++served;
        if (body.size() < 2) return encode_response(sw3::kCommandLength);
        const std::uint8_t cmd = body[0], para = body[1];
        auto read_failed = [&] {
            card.present = false;
            found = selected = read_done = false;
            return encode_response(sw3::kReadFailed);
        };
        if (cmd == 0x10 && para == 0xFF) return encode_response(sw3::kSuccess);
        if (cmd == 0x11 && para == 0xFF) return encode_response(sw3::kSuccess);
        if (cmd == 0x12 && para == 0xFF) return encode_response(sw3::kSuccess, card.sam_id);
        if (cmd == 0x60 && para <= 0x04) return encode_response(sw3::kSuccess);
        if (cmd == 0x20 && para == 0x01) {
            if (!card.present || read_done) return encode_response(sw3::kNoCard);
            found = true;
            return encode_response(sw3::kCardFound, devices::Bytes(4, 0));
        }
        if (cmd == 0x20 && para == 0x02) {
            if (!card.present || !found) return encode_response(sw3::kSelectFailed);
            selected = true;
            return encode_response(sw3::kSuccess, devices::Bytes(8, 0));
        }
        if (cmd == 0x30 && (para == 0x01 || para == 0x10)) {
            const bool with_fp = para == 0x10;
            if (with_fp && take(Fault::RefuseFingerprint)) {
                return encode_response(sw3::kCommandError);
            }
            if (!card.present || !selected) return encode_response(sw3::kReadFailed);
            if (take(Fault::LiftMidRead)) return read_failed();
            devices::CardData data{card.text_block(), card.photo,
                                   with_fp ? card.fingerprint : devices::Bytes{}};
            read_done = true;
            return encode_response(sw3::kSuccess, devices::build_read_data(data, with_fp));
        }
        if (cmd == 0x30 && para == 0x03) {
            if (!card.present || !selected) return encode_response(sw3::kReadFailed);
            if (!card.newest_address) return encode_response(sw3::kItemEmpty);
            return encode_response(
                sw3::kSuccess,
                devices::ucs2::from_utf8(*card.newest_address, devices::kNewestAddressSize));
        }
        return encode_response(sw3::kUnrecognised);
    }
};

Simulator::Simulator(SimCard card, SimOptions options) : state_(std::make_unique<State>()) {
    state_->card = std::move(card);
    state_->options = std::move(options);
}

Simulator::~Simulator() {
    stop();
}

void Simulator::start() {
    if (state_->thread.joinable()) return;
    std::array<int, 2> fds{};
    if (::pipe(fds.data()) != 0) throw_errno("pipe");
    state_->wake_read = Fd(fds[0]);
    state_->wake_write = Fd(fds[1]);
    state_->open_pty();
    state_->stopping = false;
    state_->thread = std::thread([s = state_.get()] { s->serve(); });
}

void Simulator::stop() {
    if (!state_->thread.joinable()) return;
    {
        std::lock_guard lock(state_->mutex);
        state_->stopping = true;
        state_->cv.notify_all();
    }
    const char byte = 1;
    [[maybe_unused]] auto n = ::write(state_->wake_write.get(), &byte, 1);
    state_->thread.join();
    state_->close_pty();
}

std::string Simulator::device_path() const {
    if (!state_->options.link.empty()) return state_->options.link;
    std::lock_guard lock(state_->mutex);
    return state_->slave_path;
}

void Simulator::place_card() {
    std::lock_guard lock(state_->mutex);
    if (!state_->card.present) state_->found = state_->selected = state_->read_done = false;
    state_->card.present = true;
}

void Simulator::lift_card() {
    std::lock_guard lock(state_->mutex);
    state_->card.present = false;
    state_->found = state_->selected = state_->read_done = false;
}

void Simulator::set_card(SimCard card) {
    std::lock_guard lock(state_->mutex);
    state_->card = std::move(card);
    state_->found = state_->selected = state_->read_done = false;
}

void Simulator::set_fault(Fault fault, int count) {
    std::lock_guard lock(state_->mutex);
    if (count == 0) {
        state_->faults.erase(fault);
    } else {
        state_->faults[fault] = count < 0 ? -1 : count;
    }
}

void Simulator::clear_faults() {
    std::lock_guard lock(state_->mutex);
    state_->faults.clear();
}

void Simulator::unplug() {
    state_->run_on_thread([s = state_.get()] { s->close_pty(); });
}

void Simulator::plug() {
    state_->run_on_thread([s = state_.get()] {
        if (!s->master) s->open_pty();
    });
}

devices::Bytes Simulator::respond(devices::ByteView body) {
    return state_->respond(body);
}

std::size_t Simulator::commands_served() const {
    std::lock_guard lock(state_->mutex);
    return state_->served;
}

std::string Simulator::control(std::string_view line) {
    std::istringstream in{std::string(line)};
    std::string verb;
    in >> verb;
    try {
        if (verb == "place") {
            place_card();
        } else if (verb == "card") {
            // Another person's card laid down (a relative's, at the same counter).
            std::string path;
            std::getline(in >> std::ws, path);
            if (path.empty()) return "error: card needs a card JSON file";
            SimCard next = load_card_file(path);
            next.present = true;
            set_card(std::move(next));
        } else if (verb == "lift" || verb == "no_card") {
            lift_card();
        } else if (verb == "clear") {
            clear_faults();
        } else if (verb == "unplug") {
            unplug();
        } else if (verb == "plug") {
            plug();
            return "ok " + device_path();
        } else if (verb == "fault") {
            std::string name;
            int count = -1;
            in >> name;
            if (!(in >> count)) count = -1;
            const auto fault = parse_fault(name);
            if (!fault) return "error: unknown fault '" + name + "'";
            set_fault(*fault, count);
        } else if (verb == "status") {
            std::lock_guard lock(state_->mutex);
            std::string s = std::string("ok card ") + (state_->card.present ? "present" : "absent");
            for (const auto& [f, n] : state_->faults) {
                s += " " + std::string(to_string(f)) + "=" + std::to_string(n);
            }
            return s;
        } else if (verb.empty()) {
            return "ok";
        } else {
            return "error: unknown command '" + verb + "'";
        }
    } catch (const std::exception& e) {
        return std::string("error: ") + e.what();
    }
    return "ok";
}

}  // namespace pd::idsim
