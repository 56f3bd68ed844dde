#pragma once

#include <wx/panel.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/proxy.h"

class wxCheckBox;
class wxChoice;
class wxComboBox;
class wxStaticText;
class wxTextCtrl;

namespace pd::devices {
struct Card;
}  // namespace pd::devices

namespace pd::ui {

class CardReaderButton;

// 亲友代办: the relative who assists, validated as it is typed (each field says what is wrong
// under itself). Off by default: most retirees come alone.
class ProxyPanel final : public wxPanel {
  public:
    ProxyPanel(wxWindow* parent, const Retiree& retiree, const ScriptChecker& script, Date today);

    [[nodiscard]] bool assisted() const;
    // The checked proxy; nullopt when nobody assists or a field is wrong (see valid()).
    [[nodiscard]] std::optional<ProxyAgent> proxy() const;
    // True when nobody assists or every field is right.
    [[nodiscard]] bool valid() const;
    // Fills the fields (tests).
    void set(const ProxyDraft& draft);
    // Relatives who assisted before (most recent first): offered in a list that fills the fields.
    void set_known(std::vector<ProxyAgent> known);
    [[nodiscard]] const std::vector<ProxyAgent>& known() const { return known_; }
    void choose_known(std::size_t index);
    // The relative's own ID card: name and number from the card, phone and relationship kept.
    void fill_from_card(const devices::Card& card);
    [[nodiscard]] CardReaderButton* card_reader() const { return card_reader_; }

  private:
    void validate();
    [[nodiscard]] ProxyDraft draft() const;

    Retiree retiree_;
    const ScriptChecker& script_;
    Date today_;
    wxCheckBox* enabled_ = nullptr;
    wxPanel* fields_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* id_number_ = nullptr;
    wxTextCtrl* phone_ = nullptr;
    wxComboBox* relationship_ = nullptr;
    CardReaderButton* card_reader_ = nullptr;
    wxStaticText* known_label_ = nullptr;
    wxChoice* known_choice_ = nullptr;
    std::vector<ProxyAgent> known_;
    std::map<std::string, wxStaticText*> errors_;  // by domain field name
    std::optional<ProxyAgent> proxy_;
};

}  // namespace pd::ui
