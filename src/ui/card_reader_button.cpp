#include "ui/card_reader_button.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/config.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <chrono>

#include "devices/card_reader.h"
#include "devices/watcher.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {
// Long enough for the clerk to take the card from the retiree; the button cancels it earlier.
constexpr std::chrono::seconds card_wait{20};
}  // namespace

CardReaderSettings CardReaderSettings::from_config() {
    CardReaderSettings s;
    if (auto* config = wxConfigBase::Get(); config != nullptr) {
        wxString port;
        if (config->Read(port_key, &port)) s.port = to_utf8(port.Strip(wxString::both));
        config->Read(watch_key, &s.watch, false);
    }
    return s;
}

CardReaderButton::CardReaderButton(wxWindow* parent, OnCard on_card, CardReaderSettings settings,
                                   const wxString& label)
    : wxPanel(parent, wxID_ANY), on_card_(std::move(on_card)), settings_(std::move(settings)) {
    SetName("card_reader");
    button_ = new wxButton(this, wxID_ANY, label.empty() ? _("Read fro&m card") : label);
    button_->SetName("read_card");
    button_->SetToolTip(_("Fill in the fields from the ID card on the reader"));
    status_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    status_->SetName("card_status");
    status_->SetForegroundColour(theme::muted_colour());
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(button_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    row->Add(status_, 1, wxALIGN_CENTER_VERTICAL);
    SetSizer(row);
    button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { read(); });
    if (settings_.watch) start_watch();
}

CardReaderButton::~CardReaderButton() {
    // Both threads post back to this window: they must end before it does.
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
    stop_watch();
}

void CardReaderButton::read() {
    if (busy_) return;
    // One owner of the port at a time: the watcher steps aside for the press.
    stop_watch();
    if (worker_.joinable()) worker_.join();
    busy_ = true;
    cancel_ = false;
    button_->Disable();
    show_status(_("Please place the ID card on the reader"), false);
    devices::ReaderOptions options;
    options.port = settings_.port;
    const std::uint64_t generation = ++generation_;
    worker_ = std::jthread([this, options, generation] {
        auto result = devices::read_one_card(options, card_wait, &cancel_);
        CallAfter([this, generation, result = std::move(result)] { finish(generation, result); });
    });
}

void CardReaderButton::cancel() {
    if (!busy_) return;
    cancel_ = true;
    ++generation_;
    busy_ = false;
    button_->Enable();
    show_status(wxString(), false);
}

void CardReaderButton::finish(std::uint64_t generation,
                              const devices::Result<devices::Card>& result) {
    if (generation != generation_) return;  // cancelled meanwhile
    busy_ = false;
    button_->Enable();
    if (settings_.watch && !watch_paused_) start_watch();
    if (!result) {
        show_status(from_utf8(result.error().message_zh()), true);
        return;
    }
    show_status(_("Card read"), false);
    if (on_card_) on_card_(*result);
}

void CardReaderButton::start_watch() {
    if (watcher_) return;
    devices::ReaderOptions options;
    options.port = settings_.port;
    watcher_ =
        std::make_unique<devices::CardWatcher>(options, [this](const devices::WatchEvent& event) {
            CallAfter([this, event] { on_watch_event(event); });
        });
    watcher_->start();
}

void CardReaderButton::stop_watch() {
    // Stopping joins the watcher's thread; events it already posted are dropped with the window
    // or ignored below because watcher_ is gone.
    if (watcher_) watcher_->stop();
    watcher_.reset();
}

void CardReaderButton::pause_watch(bool paused) {
    watch_paused_ = paused;
    if (paused) {
        stop_watch();
    } else if (settings_.watch && !busy_) {
        start_watch();
    }
}

bool CardReaderButton::watching() const {
    return watcher_ && watcher_->running();
}

void CardReaderButton::on_watch_event(const devices::WatchEvent& event) {
    // A late event from a watcher that was stopped, or a window the clerk cannot see.
    if (!watcher_ || busy_ || !IsShownOnScreen()) return;
    using Kind = devices::WatchEvent::Kind;
    switch (event.kind) {
        case Kind::CardRead:
            if (!event.card) return;
            show_status(_("Card read"), false);
            if (on_card_) on_card_(*event.card);
            return;
        case Kind::ReadFailed:
        case Kind::ReaderLost:
            if (event.error) show_status(from_utf8(event.error->message_zh()), true);
            return;
        case Kind::ReaderBack:
            show_status(_("Reader ready: lay the ID card down"), false);
            return;
    }
}

wxString CardReaderButton::status() const {
    return status_->GetLabel();
}

void CardReaderButton::show_status(const wxString& text, bool error) {
    status_->SetForegroundColour(error ? theme::error_colour() : theme::muted_colour());
    status_->SetLabel(text);
    GetParent()->Layout();
}

}  // namespace pd::ui
