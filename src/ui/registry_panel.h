#pragma once

#include <wx/panel.h>
#include <wx/timer.h>

#include <memory>
#include <optional>
#include <thread>

#include "domain/retiree_directory.h"

class wxButton;
class wxChoice;
class wxDataViewCtrl;
class wxStaticText;
class wxTextCtrl;

namespace pd::devices {
struct Card;
}

namespace pd::ui {

struct Session;
class CardReaderButton;
class RetireeListModel;

// 退休人员: the registry list over the whole workspace (virtual, a million rows scroll
// smoothly), a debounced search that runs off the UI thread, and register / edit / deactivate.
class RegistryPanel final : public wxPanel {
  public:
    RegistryPanel(wxWindow* parent, Session& session);
    ~RegistryPanel() override;

    // Opens the registration dialog (also the toolbar button and Ctrl+N).
    void register_new();
    void edit_selected();
    void deactivate_selected();
    // What 读卡 does here: searches for the card's ID number and selects the match; with none,
    // offers to register the holder with the form filled from the card.
    void find_card_holder(const devices::Card& card);
    // Registration with the form filled from `card` (nothing is saved until the clerk saves).
    void register_from_card(const devices::Card& card);

    // For tests and status: what the list shows.
    [[nodiscard]] wxDataViewCtrl* list() const { return list_; }
    [[nodiscard]] RetireeListModel& model() const { return *model_; }
    [[nodiscard]] bool search_running() const { return search_running_; }
    [[nodiscard]] CardReaderButton* card_reader() const { return card_reader_; }

  private:
    void open_register(const devices::Card* card);
    void card_search_done();
    void start_search();
    void on_search_done(std::uint64_t generation, std::vector<std::int64_t> keys, wxString error);
    void show_all();
    void update_counts();
    void update_buttons();
    void select_key(std::int64_t key);
    [[nodiscard]] int selected_row() const;
    [[nodiscard]] SearchQuery current_query() const;

    Session& session_;
    wxObjectDataPtr<RetireeListModel> model_;
    wxTextCtrl* search_ = nullptr;
    wxChoice* field_ = nullptr;
    wxStaticText* count_ = nullptr;
    wxDataViewCtrl* list_ = nullptr;
    wxButton* edit_ = nullptr;
    wxButton* deactivate_ = nullptr;
    CardReaderButton* card_reader_ = nullptr;
    // The card whose holder the running search looks for (its ID number is in the search box).
    std::unique_ptr<devices::Card> card_search_;
    wxTimer debounce_;
    std::int64_t total_ = 0;

    // One search at a time on a worker; a newer query waits for it and then runs.
    std::thread worker_;
    std::shared_ptr<RetireeDirectory> reader_;  // the worker's own connection, made on first use
    bool search_running_ = false;
    bool search_pending_ = false;
    std::uint64_t generation_ = 0;
};

}  // namespace pd::ui
