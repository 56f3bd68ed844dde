#include "ui/registry_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include "devices/card.h"
#include "ui/card_draft.h"
#include "ui/card_reader_button.h"
#include "ui/retiree_dialog.h"
#include "ui/retiree_list_model.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {
constexpr int debounce_ms = 300;

void show_store_error(wxWindow* parent, const std::exception& e) {
    wxMessageBox(
        wxString::Format(_("The workspace could not be read or written:\n%s"), from_utf8(e.what())),
        _("PensionDesk"), wxOK | wxICON_ERROR, parent);
}

// The panel's watch mode steps aside while a dialog (with its own 读卡) owns the reader.
class WatchPause {
  public:
    explicit WatchPause(CardReaderButton* reader) : reader_(reader) {
        if (reader_) reader_->pause_watch(true);
    }
    WatchPause(const WatchPause&) = delete;
    WatchPause& operator=(const WatchPause&) = delete;
    ~WatchPause() {
        if (reader_) reader_->pause_watch(false);
    }

  private:
    CardReaderButton* reader_;
};
}  // namespace

RegistryPanel::RegistryPanel(wxWindow* parent, Session& session)
    : wxPanel(parent, wxID_ANY), session_(session), debounce_(this) {
    model_ = wxObjectDataPtr<RetireeListModel>(new RetireeListModel(*session_.workspace.directory));

    auto* title = new wxStaticText(this, wxID_ANY, _("Retirees"));
    title->SetFont(theme::heading_font());
    title->SetForegroundColour(theme::accent_colour());

    // Search row: label with mnemonic first, so Alt+S reaches the box.
    auto* search_label = new wxStaticText(this, wxID_ANY, _("&Search:"));
    search_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                             wxSize(FromDIP(360), -1), wxTE_PROCESS_ENTER);
    search_->SetHint(_("ID number, name, unit or phone"));
    search_->SetName("search");
    auto* field_label = new wxStaticText(this, wxID_ANY, _("&Look in:"));
    field_ = new wxChoice(this, wxID_ANY);
    field_->Append(_("All fields"));
    field_->Append(_("ID number"));
    field_->Append(_("Name"));
    field_->Append(_("Employer unit"));
    field_->Append(_("Phone"));
    field_->SetSelection(0);
    field_->SetName("search_field");
    count_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    count_->SetName("count");

    auto* search_row = new wxBoxSizer(wxHORIZONTAL);
    search_row->Add(search_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    search_row->Add(search_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    search_row->Add(field_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    search_row->Add(field_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    search_row->Add(count_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    card_reader_ =
        new CardReaderButton(this, [this](const devices::Card& card) { find_card_holder(card); });
    search_row->Add(card_reader_, 1, wxALIGN_CENTER_VERTICAL);

    list_ = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxDV_ROW_LINES | wxDV_SINGLE | wxDV_HORIZ_RULES);
    list_->SetName("retiree_list");
    list_->AssociateModel(model_.get());
    const auto col = [&](const wxString& label, unsigned model_col, int width) {
        list_->AppendTextColumn(label, model_col, wxDATAVIEW_CELL_INERT, FromDIP(width),
                                wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    };
    col(_("ID number"), RetireeListModel::IdNumber, 220);
    col(_("Name"), RetireeListModel::Name, 120);
    col(_("Gender"), RetireeListModel::Gender, 90);
    col(_("Birth date"), RetireeListModel::BirthDate, 130);
    col(_("Employer unit"), RetireeListModel::EmployerUnit, 300);
    col(_("Phone"), RetireeListModel::Phone, 150);
    col(_("Status"), RetireeListModel::Status, 90);

    auto* add = new wxButton(this, wxID_ANY, _("&New retiree..."));
    add->SetName("new");
    edit_ = new wxButton(this, wxID_ANY, _("&Edit..."));
    edit_->SetName("edit");
    deactivate_ = new wxButton(this, wxID_ANY, _("&Deactivate..."));
    deactivate_->SetName("deactivate");
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(add, 0, wxRIGHT, FromDIP(10));
    buttons->Add(edit_, 0, wxRIGHT, FromDIP(10));
    buttons->Add(deactivate_, 0);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(title, 0, wxALL, FromDIP(12));
    top->Add(search_row, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    top->Add(list_, 1, wxEXPAND | wxALL, FromDIP(12));
    top->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    SetSizer(top);

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { debounce_.StartOnce(debounce_ms); });
    search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        debounce_.Stop();
        start_search();
    });
    field_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { start_search(); });
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { start_search(); }, debounce_.GetId());
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { register_new(); });
    edit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_selected(); });
    deactivate_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { deactivate_selected(); });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { edit_selected(); });
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { update_buttons(); });

    show_all();
    update_buttons();
}

RegistryPanel::~RegistryPanel() {
    // The worker posts back to this panel: it must end before the panel does.
    if (worker_.joinable()) worker_.join();
}

namespace {
SearchQuery search_query_for(const wxString& text, int field) {
    SearchQuery q;
    q.text = to_utf8(text.Strip(wxString::both));
    switch (field) {
        case 1:
            q.field = SearchField::IdNumber;
            break;
        case 2:
            q.field = SearchField::Name;
            break;
        case 3:
            q.field = SearchField::EmployerUnit;
            break;
        case 4:
            q.field = SearchField::Phone;
            break;
        default:
            q.field = SearchField::Auto;
            break;
    }
    return q;
}

}  // namespace

SearchQuery RegistryPanel::current_query() const {
    return search_query_for(search_->GetValue(), field_->GetSelection());
}

void RegistryPanel::show_all() {
    try {
        total_ = session_.workspace.directory->total();
    } catch (const std::exception& e) {
        show_store_error(this, e);
        total_ = 0;
    }
    model_->show_all(total_);
    update_counts();
}

void RegistryPanel::start_search() {
    const SearchQuery query = current_query();
    if (query.text.empty()) {
        ++generation_;  // a search still running is now out of date
        if (!search_running_) show_all();
        return;
    }
    if (search_running_) {
        search_pending_ = true;
        return;
    }
    if (worker_.joinable()) worker_.join();
    search_running_ = true;
    search_pending_ = false;
    const std::uint64_t generation = ++generation_;
    count_->SetLabel(_("Searching..."));
    // Searching a million rows can take longer than a frame: never on the UI thread.
    worker_ = std::thread([this, query, generation] {
        std::vector<std::int64_t> keys;
        wxString error;
        try {
            if (!reader_) reader_ = session_.workspace.open_reader();
            keys = reader_->search(query);
        } catch (const std::exception& e) {
            error = from_utf8(e.what());
        }
        CallAfter([this, generation, keys = std::move(keys), error]() mutable {
            on_search_done(generation, std::move(keys), error);
        });
    });
}

void RegistryPanel::on_search_done(std::uint64_t generation, std::vector<std::int64_t> keys,
                                   wxString error) {
    search_running_ = false;
    if (search_pending_) {
        start_search();  // the clerk typed on while this one ran
        return;
    }
    if (generation != generation_) {
        if (current_query().text.empty()) show_all();
        return;
    }
    if (!error.empty()) {
        wxMessageBox(wxString::Format(_("The search failed:\n%s"), error), _("PensionDesk"),
                     wxOK | wxICON_ERROR, this);
        return;
    }
    model_->show_keys(std::move(keys));
    update_counts();
    if (model_->GetCount() > 0) list_->Select(model_->GetItem(0));
    update_buttons();
    if (card_search_) card_search_done();
}

void RegistryPanel::find_card_holder(const devices::Card& card) {
    const std::string id = draft_from_card(card.text).id_number;
    if (id.empty()) return;
    card_search_ = std::make_unique<devices::Card>(card);
    field_->SetSelection(1);  // ID number
    search_->ChangeValue(from_utf8(id));
    debounce_.Stop();
    start_search();
}

void RegistryPanel::card_search_done() {
    const auto card = std::move(card_search_);
    if (to_utf8(search_->GetValue().Strip(wxString::both)) != card->text.id_number) return;
    if (model_->GetCount() > 0) {
        if (const wxDataViewItem item = list_->GetSelection(); item.IsOk())
            list_->EnsureVisible(item);
        list_->SetFocus();
        return;
    }
    const int answer = wxMessageBox(
        wxString::Format(_("No retiree has the ID number %s.\nRegister %s with the details from "
                           "the ID card?"),
                         from_utf8(card->text.id_number), from_utf8(card->text.name)),
        _("PensionDesk"), wxYES_NO | wxICON_QUESTION, this);
    if (answer == wxYES) register_from_card(*card);
}

void RegistryPanel::register_from_card(const devices::Card& card) {
    open_register(&card);
}

void RegistryPanel::update_counts() {
    const wxString total = wxString::Format(_("%lld records"), static_cast<long long>(total_));
    const bool scoped = session_.actor.role == Role::UnitClerk ||
                        session_.actor.role == Role::CounterClerk;
    if (model_->filtered()) {
        count_->SetLabel(wxString::Format(_("%u matches"), model_->GetCount()));
    } else if (scoped) {
        // Clerks never page through the whole registry: they find the people they serve.
        count_->SetLabel(_("Search to list the retirees you serve"));
    } else {
        count_->SetLabel(total);
    }
    if (auto* frame = wxDynamicCast(wxGetTopLevelParent(this), wxFrame);
        frame && frame->GetStatusBar() && frame->GetStatusBar()->GetFieldsCount() > 1) {
        frame->SetStatusText(total, 1);
    }
    Layout();
}

int RegistryPanel::selected_row() const {
    const wxDataViewItem item = list_->GetSelection();
    return item.IsOk() ? static_cast<int>(model_->GetRow(item)) : wxNOT_FOUND;
}

void RegistryPanel::update_buttons() {
    const bool has = selected_row() != wxNOT_FOUND;
    edit_->Enable(has);
    deactivate_->Enable(has);
}

void RegistryPanel::select_key(std::int64_t key) {
    if (const auto pos = model_->position_of(key)) {
        const wxDataViewItem item = model_->GetItem(*pos);
        list_->Select(item);
        list_->EnsureVisible(item);
    }
    update_buttons();
}

void RegistryPanel::register_new() {
    open_register(nullptr);
}

void RegistryPanel::open_register(const devices::Card* card) {
    const WatchPause pause(card_reader_);
    RetireeDialog dialog(this, session_, std::nullopt);
    if (card) dialog.apply_card(*card);
    if (dialog.ShowModal() != wxID_OK || !dialog.saved()) return;
    model_->forget_all();
    // Show the new record: in the current search if it matches, else in the whole list.
    std::optional<std::int64_t> key;
    try {
        const auto keys = session_.workspace.directory->search(
            SearchQuery{dialog.saved()->id_number.str(), SearchField::IdNumber, 1});
        if (!keys.empty()) key = keys.front();
    } catch (const std::exception& e) {
        show_store_error(this, e);
    }
    search_->ChangeValue(wxString());
    show_all();
    if (key) select_key(*key);
    list_->SetFocus();
}

void RegistryPanel::edit_selected() {
    const int row = selected_row();
    if (row == wxNOT_FOUND) return;
    const auto listed = model_->row_at(static_cast<unsigned>(row));
    if (!listed) return;
    std::optional<Retiree> record;
    try {
        // Opening a record is checked against the role and audited like a change.
        auto viewed = session_.registry->view(listed->id, session_.actor);
        if (!viewed) {
            wxMessageBox(translate(viewed.error()), _("PensionDesk"), wxOK | wxICON_WARNING, this);
            return;
        }
        record = std::move(viewed).value();
    } catch (const std::exception& e) {
        show_store_error(this, e);
        return;
    }
    const WatchPause pause(card_reader_);
    RetireeDialog dialog(this, session_, record);
    if (dialog.ShowModal() != wxID_OK) return;
    model_->forget(listed->key);
    list_->Refresh();
}

void RegistryPanel::deactivate_selected() {
    const int row = selected_row();
    if (row == wxNOT_FOUND) return;
    const auto listed = model_->row_at(static_cast<unsigned>(row));
    if (!listed) return;
    if (listed->status == RetireeStatus::Deactivated) {
        wxMessageBox(_("This record is already deactivated."), _("PensionDesk"),
                     wxOK | wxICON_INFORMATION, this);
        return;
    }
    wxTextEntryDialog ask(
        this,
        wxString::Format(_("Deactivate the record of %s (%s)?\nThe record is kept for history "
                           "and audit. Please give the reason:"),
                         from_utf8(listed->name), from_utf8(listed->id_number)),
        _("Deactivate record"));
    ask.SetFont(theme::base_font());
    while (ask.ShowModal() == wxID_OK) {
        const std::string reason = to_utf8(ask.GetValue().Strip(wxString::both));
        if (reason.empty()) {
            wxMessageBox(_("Please give the reason for deactivating."), _("PensionDesk"),
                         wxOK | wxICON_WARNING, this);
            continue;
        }
        try {
            auto done = session_.registry->deactivate(listed->id, reason, session_.actor);
            if (!done) {
                wxMessageBox(translate(done.error()), _("PensionDesk"), wxOK | wxICON_WARNING,
                             this);
                return;
            }
        } catch (const std::exception& e) {
            show_store_error(this, e);
            return;
        }
        model_->forget(listed->key);
        list_->Refresh();
        return;
    }
}

}  // namespace pd::ui
