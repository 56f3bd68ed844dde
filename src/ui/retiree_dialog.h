#pragma once

#include <wx/dialog.h>
#include <wx/timer.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/retiree.h"
#include "domain/retiree_validation.h"
#include "ui/card_draft.h"

class wxCheckBox;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace pd::devices {
struct Card;
}

namespace pd::ui {

struct Session;
class CardReaderButton;

// Registration (新增) and edit (编辑) of one retiree. Each field has its message line under it:
// the domain's check runs as the clerk types (debounced) and again on save, and the message is
// shown translated next to the field at fault. Nothing is written while anything is wrong.
class RetireeDialog final : public wxDialog {
  public:
    // `existing`: the record to edit; nullopt registers a new one.
    RetireeDialog(wxWindow* parent, Session& session, std::optional<Retiree> existing);

    // The record as saved (after wxID_OK).
    [[nodiscard]] const std::optional<Retiree>& saved() const { return saved_; }

    // Fills the form from a draft (e.g. what the ID card reader read) and returns the fields
    // whose value changed; those are highlighted so the clerk sees what the card corrected.
    std::vector<std::string> fill_from(const RetireeDraft& draft);
    [[nodiscard]] RetireeDraft draft() const;

    // The control and the message shown for a field ("id_number", "name", ...): for tests and
    // for the card reader integration.
    [[nodiscard]] wxWindow* control(const std::string& field) const;
    [[nodiscard]] wxString message(const std::string& field) const;
    // Runs the check now (instead of after the typing pause).
    void validate_now() { validate(false); }

    // What 读卡 (or a card laid down in watch mode) does: lays the card's fields over the form
    // and, when editing, lists the fields where the card differs from the record. Nothing is
    // written: the clerk still presses Save.
    void apply_card(const devices::Card& card);
    [[nodiscard]] CardReaderButton* card_reader() const { return card_reader_; }
    // Card vs record after the last read (empty for a new registration or when they agree).
    [[nodiscard]] const std::vector<CardDifference>& card_differences() const {
        return card_differences_;
    }
    // The text under the form listing the differences and the card's warnings.
    [[nodiscard]] wxString card_notes() const;

  private:
    struct Field {
        wxWindow* control = nullptr;
        wxStaticText* error = nullptr;
    };

    wxSizer* make_field(const std::string& id, const wxString& label, wxWindow* control,
                        wxWindow* extra = nullptr);
    void build();
    void load(const RetireeDraft& draft);
    void touched(const std::string& field);
    // Shows the messages of the current check; `all`: also for fields not yet touched.
    // Returns the checked record when nothing is wrong.
    std::optional<Retiree> validate(bool all);
    void show_errors(const FieldErrors& errors, bool all);
    void update_derived();
    void save();

    Session& session_;
    std::optional<Retiree> existing_;
    std::optional<Retiree> saved_;
    std::map<std::string, Field> fields_;
    std::set<std::string> touched_;
    std::vector<std::string> ethnicities_;  // choice index -> 民族 name ("" = not given)
    wxTextCtrl* id_number_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxStaticText* derived_ = nullptr;
    wxChoice* ethnicity_ = nullptr;
    wxTextCtrl* unit_ = nullptr;
    wxTextCtrl* retirement_ = nullptr;
    wxTextCtrl* phone_ = nullptr;
    wxCheckBox* shared_ = nullptr;
    wxTextCtrl* address_ = nullptr;
    wxTextCtrl* card_ = nullptr;
    wxChoice* scheme_ = nullptr;
    wxCheckBox* overseas_ = nullptr;
    wxStaticText* summary_ = nullptr;
    CardReaderButton* card_reader_ = nullptr;
    wxStaticText* card_notes_ = nullptr;
    std::vector<CardDifference> card_differences_;
    wxTimer debounce_;
};

}  // namespace pd::ui
