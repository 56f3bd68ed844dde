#include "devices/watcher.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace pd::devices {

struct CardWatcher::State {
    ReaderOptions options;
    Callback callback;
    std::mutex mutex;
    std::condition_variable_any wake;
    std::jthread thread;

    void run(std::stop_token stop);
    // Sleeps for the poll interval unless asked to stop; false when stopping.
    bool pause(std::stop_token& stop) {
        std::unique_lock lock(mutex);
        // Nothing notifies `wake` but a stop request, which ends the wait early.
        wake.wait_for(lock, stop, options.poll_interval, [] { return false; });
        return !stop.stop_requested();
    }
    void emit(WatchEvent::Kind kind, std::optional<Card> card = {},
              std::optional<ReaderError> error = {}) {
        callback(WatchEvent{kind, std::move(card), std::move(error)});
    }
};

void CardWatcher::State::run(std::stop_token stop) {
    std::optional<CardReader> reader;
    bool connected = false;
    bool lost_reported = false;
    bool armed = true;  // false after a read until the reader is seen empty
    while (!stop.stop_requested()) {
        if (!reader) {
            auto opened = CardReader::open(options);
            if (!opened) {
                if (!lost_reported) emit(WatchEvent::Kind::ReaderLost, {}, opened.error());
                lost_reported = true;
                connected = false;
                if (!pause(stop)) break;
                continue;
            }
            reader.emplace(std::move(*opened));
            options.port = reader->port();  // stay on the port discovery found
        }
        if (!connected) {
            // Reopening by path makes an unplugged reader usable again once it is back.
            if (auto status = reader->sam_status(); !status) {
                if (!lost_reported) emit(WatchEvent::Kind::ReaderLost, {}, status.error());
                lost_reported = true;
                if (status.error().kind == ErrorKind::Disconnected) reader.reset();
                if (!pause(stop)) break;
                continue;
            }
            connected = true;
            lost_reported = false;
            emit(WatchEvent::Kind::ReaderBack);
        }
        auto found = reader->find_card();
        if (!found) {
            const auto kind = found.error().kind;
            if (kind == ErrorKind::NoCard) {
                armed = true;
            } else if (kind == ErrorKind::Disconnected || kind == ErrorKind::Timeout) {
                emit(WatchEvent::Kind::ReaderLost, {}, found.error());
                lost_reported = true;
                connected = false;
                if (kind == ErrorKind::Disconnected) reader.reset();
            }
            if (!pause(stop)) break;
            continue;
        }
        if (!armed) {  // the same card, never lifted: some modules find it again
            if (!pause(stop)) break;
            continue;
        }
        auto card = reader->read_found_card(local_today());
        if (card) {
            armed = false;
            emit(WatchEvent::Kind::CardRead, std::move(*card));
        } else if (card.error().kind == ErrorKind::NoCard) {
            armed = true;  // lifted between find and read
        } else {
            emit(WatchEvent::Kind::ReadFailed, {}, card.error());
            if (card.error().kind == ErrorKind::Disconnected) {
                reader.reset();
                connected = false;
                lost_reported = false;
            }
        }
        if (!pause(stop)) break;
    }
}

CardWatcher::CardWatcher(ReaderOptions options, Callback callback)
    : state_(std::make_unique<State>()) {
    state_->options = std::move(options);
    state_->callback = std::move(callback);
}

CardWatcher::~CardWatcher() {
    stop();
}

void CardWatcher::start() {
    if (state_->thread.joinable()) return;
    state_->thread = std::jthread([s = state_.get()](std::stop_token st) { s->run(st); });
}

void CardWatcher::stop() {
    if (!state_->thread.joinable()) return;
    state_->thread.request_stop();
    state_->thread.join();
}

bool CardWatcher::running() const {
    return state_->thread.joinable();
}

}  // namespace pd::devices
