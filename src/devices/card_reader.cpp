#include "devices/card_reader.h"

#include <algorithm>
#include <array>
#include <thread>

#include "devices/discovery.h"

namespace pd::devices {

Date local_today() {
    const auto now = std::chrono::system_clock::now();
    // Counters work in local time; a card that expires "today" is still valid today.
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
#if defined(_WIN32)
    localtime_s(&tm, &t);
#else
    localtime_r(&t, &tm);
#endif
    return Date{std::chrono::year{tm.tm_year + 1900},
                std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
                std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
}

Result<CardReader> CardReader::open(ReaderOptions options) {
    if (options.port.empty()) {
        auto candidates = options.extra_candidates;
        const auto usual = candidate_ports();
        candidates.insert(candidates.end(), usual.begin(), usual.end());
        auto found = discover_reader(candidates, options.baud);
        if (!found) return found.error();
        options.port = *found;
    }
    CardReader reader(std::move(options));
    auto link = SerialLink::open(reader.options_.port, reader.options_.baud);
    if (!link) return link.error();
    reader.link_.emplace(std::move(*link));
    return reader;
}

void CardReader::close() {
    link_.reset();
}

Result<Response> CardReader::exchange(const Command& command, std::chrono::milliseconds timeout) {
    if (!is_open()) {
        // Reopen after an unplug: the same path (a by-id link, or COMn) comes back.
        link_.reset();
        auto link = SerialLink::open(options_.port, options_.baud);
        if (!link) return link.error();
        link_.emplace(std::move(*link));
    }
    auto answer = link_->transact(command, timeout);
    if (!answer && answer.error().kind == ErrorKind::Protocol) {
        // A damaged answer is worth one more try; the commands are all safe to repeat.
        answer = link_->transact(command, timeout);
    }
    if (!answer && answer.error().kind == ErrorKind::Disconnected) link_.reset();
    return answer;
}

Result<Response> CardReader::expect(const Command& command, std::chrono::milliseconds timeout,
                                    std::uint8_t success) {
    auto answer = exchange(command, timeout);
    if (!answer) return answer;
    if (answer->status != success) return status_error(answer->status, std::string(command.name));
    return answer;
}

Result<Done> CardReader::reset() {
    auto r = expect(command::kReset, options_.command_timeout, sw3::kSuccess);
    if (!r) return r.error();
    return Done{};
}

Result<Done> CardReader::sam_status() {
    auto r = expect(command::kSamStatus, options_.command_timeout, sw3::kSuccess);
    if (!r) return r.error();
    return Done{};
}

Result<Bytes> CardReader::sam_id() {
    auto r = expect(command::kSamId, options_.command_timeout, sw3::kSuccess);
    if (!r) return r.error();
    if (r->data.size() < kSamIdSize) {
        return ReaderError{ErrorKind::Protocol, std::nullopt, "SAM id shorter than 16 bytes"};
    }
    r->data.resize(kSamIdSize);
    return std::move(r->data);
}

Result<Bytes> CardReader::find_card() {
    auto r = expect(command::kFind, options_.find_timeout, sw3::kCardFound);
    if (!r) return r.error();
    return std::move(r->data);
}

Result<Bytes> CardReader::select_card() {
    auto r = expect(command::kSelect, options_.find_timeout, sw3::kSuccess);
    if (!r) return r.error();
    return std::move(r->data);
}

Result<CardData> CardReader::read_data(bool with_fingerprint, bool* fingerprint_refused) {
    if (with_fingerprint) {
        auto r = exchange(command::kReadFingerprint, options_.read_timeout);
        if (!r) return r.error();
        if (r->status == sw3::kSuccess) return parse_read_data(r->data, true);
        if (r->status != sw3::kCommandError) {
            return status_error(r->status, std::string(command::kReadFingerprint.name));
        }
        // Older modules do not know the fingerprint read: fall back to the plain one.
        if (fingerprint_refused) *fingerprint_refused = true;
    }
    auto r = expect(command::kReadText, options_.read_timeout, sw3::kSuccess);
    if (!r) return r.error();
    return parse_read_data(r->data, false);
}

Result<Done> CardReader::set_module_baud(unsigned baud) {
    constexpr std::array<unsigned, 5> kRates{115200, 57600, 38400, 19200, 9600};
    const auto it = std::find(kRates.begin(), kRates.end(), baud);
    if (it == kRates.end()) {
        return ReaderError{ErrorKind::InvalidArgument, std::nullopt,
                           "the module cannot run at " + std::to_string(baud) + " baud"};
    }
    const Command set{0x60, static_cast<std::uint8_t>(it - kRates.begin()), "set baud rate"};
    auto r = expect(set, options_.command_timeout, sw3::kSuccess);
    if (!r) return r.error();
    options_.baud = baud;
    link_.reset();  // the next exchange reopens at the new speed
    return Done{};
}

Result<std::optional<std::string>> CardReader::read_newest_address() {
    auto r = exchange(command::kReadAddress, options_.command_timeout);
    if (!r) return r.error();
    if (r->status == sw3::kItemEmpty) return std::optional<std::string>{};
    if (r->status != sw3::kSuccess) {
        return status_error(r->status, std::string(command::kReadAddress.name));
    }
    return std::optional<std::string>{parse_newest_address(r->data)};
}

Result<Card> CardReader::read_card(Date today) {
    if (auto f = find_card(); !f) return f.error();
    return read_found_card(today);
}

Result<Card> CardReader::read_found_card(Date today) {
    if (auto s = select_card(); !s) return s.error();
    Card card;
    auto data = read_data(options_.read_fingerprint, &card.fingerprint_refused);
    if (!data) return data.error();
    card.text = parse_text_block(data->text, today);
    card.photo_wlt = std::move(data->photo);
    card.fingerprint = std::move(data->fingerprint);
    if (options_.read_newest_address) {
        auto address = read_newest_address();
        if (address) {
            card.newest_address = std::move(*address);
        } else {
            // The card itself is read; a module without address support must not spoil that.
            card.text.problems.push_back("newest_address: " + address.error().message_en());
        }
    }
    return card;
}

Result<Card> CardReader::wait_and_read_card(std::chrono::milliseconds wait, Date today,
                                            const std::atomic<bool>* cancel) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        auto card = read_card(today);
        if (card || card.error().kind != ErrorKind::NoCard) return card;
        if (std::chrono::steady_clock::now() + options_.poll_interval > deadline) return card;
        if (cancel && cancel->load()) return card;
        std::this_thread::sleep_for(options_.poll_interval);
    }
}

Result<Card> read_one_card(const ReaderOptions& options, std::chrono::milliseconds wait,
                           const std::atomic<bool>* cancel) {
    auto reader = CardReader::open(options);
    if (!reader) return reader.error();
    return reader->wait_and_read_card(wait, local_today(), cancel);
}

}  // namespace pd::devices
