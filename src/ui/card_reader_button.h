#pragma once

#include <wx/panel.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "devices/card.h"
#include "devices/reader_error.h"

class wxButton;
class wxStaticText;

namespace pd::devices {
class CardWatcher;
struct WatchEvent;
}  // namespace pd::devices

namespace pd::ui {

// Where the ID card reader is, from wxConfig: "/devices/id_reader_port" (empty: discover) and
// "/devices/id_reader_watch" (read every card laid down, without pressing 读卡).
struct CardReaderSettings {
    static constexpr const char* port_key = "/devices/id_reader_port";
    static constexpr const char* watch_key = "/devices/id_reader_watch";
    std::string port;
    bool watch = false;
    [[nodiscard]] static CardReaderSettings from_config();
};

// The 读卡 button with its status line. A press reads one card on a worker thread (the UI never
// waits on the serial port) and hands the card to `on_card` on the UI thread; failures are shown
// in Chinese next to the button. With watch mode on, a card laid down while the button is on
// screen does the same. Destroying the button (its dialog closing) cancels a read in progress.
class CardReaderButton final : public wxPanel {
  public:
    using OnCard = std::function<void(const devices::Card&)>;

    // `label`: the button's text when the default (读卡 with Alt+M) would clash with another
    // reader button in the same window.
    CardReaderButton(wxWindow* parent, OnCard on_card,
                     CardReaderSettings settings = CardReaderSettings::from_config(),
                     const wxString& label = wxString());
    CardReaderButton(const CardReaderButton&) = delete;
    CardReaderButton& operator=(const CardReaderButton&) = delete;
    ~CardReaderButton() override;

    // What a press does: starts a read unless one is running.
    void read();
    // Ends a read in progress early (its result is dropped).
    void cancel();
    // Stops the watch mode while another window (a dialog on top) owns the reader.
    void pause_watch(bool paused);

    [[nodiscard]] bool busy() const { return busy_; }
    [[nodiscard]] bool watching() const;
    [[nodiscard]] wxString status() const;
    [[nodiscard]] wxButton* button() const { return button_; }

  private:
    void finish(std::uint64_t generation, const devices::Result<devices::Card>& result);
    void on_watch_event(const devices::WatchEvent& event);
    void start_watch();
    void stop_watch();
    void show_status(const wxString& text, bool error);

    OnCard on_card_;
    CardReaderSettings settings_;
    wxButton* button_ = nullptr;
    wxStaticText* status_ = nullptr;
    bool busy_ = false;
    bool watch_paused_ = false;
    std::uint64_t generation_ = 0;  // a cancelled read's late result is ignored
    std::atomic<bool> cancel_{false};
    std::unique_ptr<devices::CardWatcher> watcher_;
    std::jthread worker_;  // last: joined first, before anything it uses goes away
};

}  // namespace pd::ui
