#include "devices/serial_link.h"

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/serial_port.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <functional>
#include <optional>

#include "devices/frame.h"

#if defined(_WIN32)
#include <windows.h>
#else
#include <termios.h>
#endif

namespace pd::devices {

namespace asio = boost::asio;
using boost::system::error_code;

struct SerialLink::Impl {
    asio::io_context io;
    asio::serial_port port{io};
    asio::steady_timer timer{io};
    FrameDecoder decoder;
    std::array<std::uint8_t, 1024> buffer{};
    std::string path;

    // Bytes left over from an exchange that timed out would be taken for the next answer.
    void discard_input() {
#if defined(_WIN32)
        ::PurgeComm(port.native_handle(), PURGE_RXCLEAR);
#else
        ::tcflush(port.native_handle(), TCIFLUSH);
#endif
        decoder.reset();
    }
};

namespace {

ReaderError io_error(const std::string& path, const Command& c, const error_code& ec) {
    return ReaderError{ErrorKind::Disconnected, std::nullopt,
                       std::string(c.name) + " on " + path + ": " + ec.message()};
}

}  // namespace

SerialLink::SerialLink(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SerialLink::SerialLink(SerialLink&&) noexcept = default;
SerialLink& SerialLink::operator=(SerialLink&&) noexcept = default;
SerialLink::~SerialLink() = default;

Result<SerialLink> SerialLink::open(const std::string& path, unsigned baud) {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    error_code ec;
    impl->port.open(path, ec);
    if (ec) {
        return ReaderError{ErrorKind::Disconnected, std::nullopt,
                           "cannot open " + path + ": " + ec.message()};
    }
    using sp = asio::serial_port_base;
    impl->port.set_option(sp::baud_rate(baud), ec);
    if (!ec) impl->port.set_option(sp::character_size(8), ec);
    if (!ec) impl->port.set_option(sp::parity(sp::parity::none), ec);
    if (!ec) impl->port.set_option(sp::stop_bits(sp::stop_bits::one), ec);
    if (!ec) impl->port.set_option(sp::flow_control(sp::flow_control::none), ec);
    if (ec) {
        return ReaderError{ErrorKind::Disconnected, std::nullopt,
                           "cannot configure " + path + ": " + ec.message()};
    }
    return SerialLink(std::move(impl));
}

bool SerialLink::is_open() const {
    return impl_ && impl_->port.is_open();
}

void SerialLink::close() {
    if (!impl_) return;
    error_code ignored;
    impl_->port.close(ignored);
}

const std::string& SerialLink::path() const {
    return impl_->path;
}

Result<Response> SerialLink::transact(const Command& command, std::chrono::milliseconds timeout) {
    Impl& s = *impl_;
    if (!s.port.is_open()) {
        return ReaderError{ErrorKind::Disconnected, std::nullopt, s.path + " is not open"};
    }
    s.discard_input();
    const Bytes request = frame::encode_command(command.cmd, command.para);

    // The exchange runs as a chain of async operations raced against one deadline; run() returns
    // once the chain and the timer are both done.
    bool timed_out = false;
    error_code failure;
    std::optional<Bytes> body;
    std::size_t corrupt = 0;
    std::size_t stale = 0;

    s.timer.expires_after(timeout);
    s.timer.async_wait([&](const error_code& ec) {
        if (ec) return;  // cancelled: the exchange finished first
        timed_out = true;
        error_code ignored;
        s.port.cancel(ignored);
    });

    std::function<void()> read_more = [&] {
        s.port.async_read_some(asio::buffer(s.buffer), [&](const error_code& ec, std::size_t n) {
            if (ec) {
                failure = ec;
                s.timer.cancel();
                return;
            }
            s.decoder.feed(ByteView(s.buffer.data(), n));
            while (s.decoder.has_event()) {
                DecodeEvent e = s.decoder.pop();
                if (e.kind == DecodeEvent::Kind::Frame) {
                    if (e.body.size() >= 3 && !command.fits(e.body[2], e.body.size() - 3)) {
                        ++stale;  // a late answer to an earlier command: keep waiting for ours
                        continue;
                    }
                    body = std::move(e.body);
                    s.timer.cancel();
                    return;
                }
                // A bad length is usually a false preamble in line noise: keep reading. A bad
                // checksum is a damaged answer: stop now rather than wait out the deadline.
                ++corrupt;
                if (e.kind == DecodeEvent::Kind::BadChecksum) {
                    s.timer.cancel();
                    return;
                }
            }
            read_more();
        });
    };
    asio::async_write(s.port, asio::buffer(request), [&](const error_code& ec, std::size_t) {
        if (ec) {
            failure = ec;
            s.timer.cancel();
            return;
        }
        read_more();
    });
    s.io.restart();
    s.io.run();

    if (body) return parse_response(*body);
    if (timed_out) {
        std::string detail = std::string(command.name) + ": no answer within " +
                             std::to_string(timeout.count()) + " ms on " + s.path;
        if (corrupt > 0 || stale > 0) {
            return ReaderError{ErrorKind::Protocol, std::nullopt,
                               detail + " (" + std::to_string(corrupt) + " corrupt, " +
                                   std::to_string(stale) + " unexpected frames)"};
        }
        return ReaderError{ErrorKind::Timeout, std::nullopt, std::move(detail)};
    }
    if (!failure) {
        return ReaderError{ErrorKind::Protocol, std::nullopt,
                           std::string(command.name) + ": response with a bad checksum"};
    }
    // The port failed under us (unplugged): close it so the next exchange reopens.
    close();
    return io_error(s.path, command, failure);
}

}  // namespace pd::devices
