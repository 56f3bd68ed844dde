#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "devices/card.h"
#include "devices/card_reader.h"

namespace pd::devices {

struct WatchEvent {
    enum class Kind {
        CardRead,    // a card was laid down and read: `card` holds it
        ReadFailed,  // a card was there but did not read: `error` says why (re-place it)
        ReaderLost,  // the reader stopped answering or went away: `error` says why
        ReaderBack,  // the reader answers again (also sent once when watching starts)
    };
    Kind kind = Kind::CardRead;
    std::optional<Card> card;
    std::optional<ReaderError> error;
};

// Watch mode: polls for a card every options.poll_interval on its own thread, reads each card
// once when it is laid down, and reads again only after the reader has been seen empty (the card
// was lifted), as real modules require. Reopens the port when the reader comes back.
// The callback runs on the watcher's thread: hand results to the UI thread from there
// (wxTheApp->CallAfter). Destroying the watcher stops it and joins the thread.
class CardWatcher {
  public:
    using Callback = std::function<void(const WatchEvent&)>;

    CardWatcher(ReaderOptions options, Callback callback);
    CardWatcher(const CardWatcher&) = delete;
    CardWatcher& operator=(const CardWatcher&) = delete;
    ~CardWatcher();

    void start();
    // Returns once the thread has ended; at most one exchange's timeout.
    void stop();
    [[nodiscard]] bool running() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace pd::devices
