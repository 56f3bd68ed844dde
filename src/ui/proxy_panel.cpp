#include "ui/proxy_panel.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "devices/card.h"
#include "ui/card_draft.h"
#include "ui/card_reader_button.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

ProxyPanel::ProxyPanel(wxWindow* parent, const Retiree& retiree, const ScriptChecker& script,
                       Date today)
    : wxPanel(parent, wxID_ANY), retiree_(retiree), script_(script), today_(today) {
    enabled_ = new wxCheckBox(this, wxID_ANY, _("A relative assists (proxy)"));
    fields_ = new wxPanel(this, wxID_ANY);
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 2)));
    grid->AddGrowableCol(1, 1);
    const auto row = [&](const wxString& label, wxWindow* control, const std::string& field) {
        grid->Add(new wxStaticText(fields_, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(control, 1, wxEXPAND);
        auto* err = new wxStaticText(fields_, wxID_ANY, wxString());
        err->SetForegroundColour(theme::error_colour());
        grid->AddSpacer(0);
        grid->Add(err, 0, wxEXPAND);
        errors_[field] = err;
    };
    name_ = new wxTextCtrl(fields_, wxID_ANY);
    id_number_ = new wxTextCtrl(fields_, wxID_ANY);
    phone_ = new wxTextCtrl(fields_, wxID_ANY);
    const wxString relations[] = {_("Child"), _("Spouse"), _("Grandchild"), _("Sibling"),
                                  _("Other relative")};
    relationship_ = new wxComboBox(fields_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                   5, relations);
    row(_("Name"), name_, "name");
    row(_("ID number"), id_number_, "id_number");
    row(_("Mobile phone"), phone_, "phone");
    row(_("Relationship"), relationship_, "relationship");
    // Never in watch mode: the wizard's own 读卡 watches for the retiree's card, and a card
    // laid down must not land in both.
    CardReaderSettings reader = CardReaderSettings::from_config();
    reader.watch = false;
    card_reader_ = new CardReaderButton(
        fields_, [this](const devices::Card& card) { fill_from_card(card); }, reader,
        _("Read the relative's car&d"));
    grid->Add(new wxStaticText(fields_, wxID_ANY, _("Relative's ID card")), 0,
              wxALIGN_CENTER_VERTICAL);
    grid->Add(card_reader_, 1, wxEXPAND);
    fields_->SetSizer(grid);
    known_label_ = new wxStaticText(this, wxID_ANY, _("Came before with:"));
    known_choice_ = new wxChoice(this, wxID_ANY);
    known_label_->Hide();
    known_choice_->Hide();

    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(enabled_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(24));
    head->Add(known_label_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    head->Add(known_choice_, 0, wxALIGN_CENTER_VERTICAL);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(head, 0, wxBOTTOM, FromDIP(6));
    top->Add(fields_, 0, wxEXPAND | wxLEFT, FromDIP(24));
    SetSizer(top);
    fields_->Enable(false);

    enabled_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        fields_->Enable(enabled_->GetValue());
        validate();
    });
    for (wxWindow* w : {static_cast<wxWindow*>(name_), static_cast<wxWindow*>(id_number_),
                        static_cast<wxWindow*>(phone_)})
        w->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
    relationship_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validate(); });
    relationship_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { validate(); });
    known_choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        if (e.GetSelection() > 0) choose_known(static_cast<std::size_t>(e.GetSelection() - 1));
    });
}

void ProxyPanel::set_known(std::vector<ProxyAgent> known) {
    known_ = std::move(known);
    known_choice_->Clear();
    known_choice_->Append(_("(choose a relative)"));
    for (const auto& p : known_)
        known_choice_->Append(wxString::Format("%s (%s, %s)", from_utf8(p.name.str()),
                                               from_utf8(p.relationship),
                                               from_utf8(p.phone.str())));
    known_choice_->SetSelection(0);
    known_label_->Show(!known_.empty());
    known_choice_->Show(!known_.empty());
    Layout();
}

void ProxyPanel::choose_known(std::size_t index) {
    if (index >= known_.size()) return;
    const auto& p = known_[index];
    set(ProxyDraft{p.name.str(), p.id_number.str(), p.phone.str(), p.relationship});
    known_choice_->SetSelection(static_cast<int>(index) + 1);
}

bool ProxyPanel::assisted() const {
    return enabled_->GetValue();
}

ProxyDraft ProxyPanel::draft() const {
    return ProxyDraft{to_utf8(name_->GetValue().Strip(wxString::both)),
                      to_utf8(id_number_->GetValue().Strip(wxString::both)),
                      to_utf8(phone_->GetValue().Strip(wxString::both)),
                      to_utf8(relationship_->GetValue().Strip(wxString::both))};
}

void ProxyPanel::validate() {
    for (auto& [field, label] : errors_) label->SetLabel(wxString());
    proxy_.reset();
    if (assisted()) {
        const auto d = draft();
        auto checked = validate_proxy(d, retiree_, script_, today_);
        if (checked) {
            proxy_ = std::move(*checked);
        } else {
            // Untouched fields say nothing yet; a field typed into says what is wrong.
            for (const auto& e : checked.error()) {
                // validate_proxy names the fields "proxy_<field>".
                std::string field = e.field;
                if (field.rfind("proxy_", 0) == 0) field = field.substr(6);
                auto it = errors_.find(field);
                if (it == errors_.end()) it = errors_.find("name");
                const bool empty_field = (field == "name" && d.name.empty()) ||
                                         (field == "id_number" && d.id_number.empty()) ||
                                         (field == "phone" && d.phone.empty()) ||
                                         (field == "relationship" && d.relationship.empty());
                it->second->SetLabel(empty_field ? _("Required") : translate(e));
            }
        }
    }
    Layout();
    if (GetParent() != nullptr) GetParent()->Layout();
}

bool ProxyPanel::valid() const {
    return !assisted() || proxy_.has_value();
}

std::optional<ProxyAgent> ProxyPanel::proxy() const {
    return assisted() ? proxy_ : std::nullopt;
}

void ProxyPanel::set(const ProxyDraft& d) {
    enabled_->SetValue(true);
    fields_->Enable(true);
    name_->ChangeValue(from_utf8(d.name));
    id_number_->ChangeValue(from_utf8(d.id_number));
    phone_->ChangeValue(from_utf8(d.phone));
    relationship_->ChangeValue(from_utf8(d.relationship));
    validate();
}

void ProxyPanel::fill_from_card(const devices::Card& card) {
    const RetireeDraft on_card = draft_from_card(card.text);
    ProxyDraft d = draft();
    d.name = on_card.name;
    d.id_number = on_card.id_number;
    set(d);
}

}  // namespace pd::ui
