#include "ui/retiree_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cstdio>

#include "devices/card.h"
#include "domain/ethnicity.h"
#include "domain/id_number.h"
#include "ui/card_notes.h"
#include "ui/card_reader_button.h"
#include "ui/labels.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {
constexpr int debounce_ms = 400;
const wxColour changed_background(255, 243, 176);  // fields the card reader changed

// The form's fields in screen order: the first wrong one gets the focus on save.
const std::vector<std::string>& field_order() {
    static const std::vector<std::string> order{
        "id_number",       "name",  "gender",  "birth_date",           "ethnicity", "employer_unit",
        "retirement_date", "phone", "address", "social_security_card", "scheme"};
    return order;
}
}  // namespace

RetireeDialog::RetireeDialog(wxWindow* parent, Session& session, std::optional<Retiree> existing)
    : wxDialog(parent, wxID_ANY, existing ? _("Edit retiree") : _("Register a retiree"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      session_(session),
      existing_(std::move(existing)),
      debounce_(this) {
    SetName("retiree_dialog");
    theme::apply(this);
    build();
    if (existing_) {
        load(to_draft(*existing_));
        id_number_->SetEditable(true);
    }
    update_derived();
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { validate(false); }, debounce_.GetId());
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { save(); }, wxID_OK);
    id_number_->SetFocus();
}

wxSizer* RetireeDialog::make_field(const std::string& id, const wxString& label, wxWindow* control,
                                   wxWindow* extra) {
    auto* box = new wxBoxSizer(wxVERTICAL);
    if (!label.empty()) box->Add(new wxStaticText(this, wxID_ANY, label), 0, wxBOTTOM, 2);
    if (extra) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(control, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(10));
        row->Add(extra, 0, wxALIGN_CENTER_VERTICAL);
        box->Add(row, 0, wxEXPAND);
    } else {
        box->Add(control, 0, wxEXPAND);
    }
    // The message line is always there (one line tall) so the form does not jump as it fills.
    auto* error = new wxStaticText(this, wxID_ANY, " ");
    error->SetForegroundColour(theme::error_colour());
    error->SetFont(theme::small_font().Bold());
    error->SetName("error_" + id);
    box->Add(error, 0, wxEXPAND | wxTOP, 2);
    control->SetName(id);
    fields_[id] = Field{control, error};
    return box;
}

void RetireeDialog::build() {
    const int field_width = FromDIP(400);
    const auto text = [&](long style = 0) {
        return new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition,
                              wxSize(field_width, -1), style);
    };
    id_number_ = text();
    id_number_->SetMaxLength(18);
    id_number_->SetHint(_("18 characters, e.g. 61010219500101123X"));
    name_ = text();
    name_->SetHint(_("Simplified characters, as on the ID card"));
    derived_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    derived_->SetForegroundColour(theme::muted_colour());
    ethnicity_ = new wxChoice(this, wxID_ANY);
    ethnicities_.emplace_back();
    ethnicity_->Append(_("(not given)"));
    for (int code = 1; code <= 98; ++code) {
        char buf[3];
        std::snprintf(buf, sizeof buf, "%02d", code);
        if (const auto name = ethnicity_name(buf)) {
            ethnicities_.emplace_back(*name);
            ethnicity_->Append(from_utf8(*name));
        }
    }
    ethnicity_->SetSelection(0);
    unit_ = text();
    unit_->SetHint(_("Former employer (单位)"));
    retirement_ = text();
    retirement_->SetHint(_("YYYY-MM-DD"));
    phone_ = text();
    phone_->SetHint(_("11-digit mobile number"));
    shared_ = new wxCheckBox(this, wxID_ANY, _("S&hared by family"));
    shared_->SetName("phone_shared_by_family");
    address_ = text();
    card_ = text();
    scheme_ = new wxChoice(this, wxID_ANY);
    scheme_->Append(scheme_label(PensionScheme::PublicInstitution));
    scheme_->Append(scheme_label(PensionScheme::Enterprise));
    scheme_->SetSelection(0);
    overseas_ = new wxCheckBox(this, wxID_ANY, _("Lives &overseas"));
    overseas_->SetName("overseas");

    // Two columns of fields; labels carry mnemonics (Alt+letter) and tab order is screen order.
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(28));
    grid->AddGrowableCol(0, 1);
    grid->AddGrowableCol(1, 1);
    grid->Add(make_field("id_number", _("&ID number *"), id_number_), 1, wxEXPAND);
    grid->Add(make_field("name", _("&Name *"), name_), 1, wxEXPAND);
    grid->Add(make_field("gender", _("Gender and date of birth (from the ID number)"), derived_), 1,
              wxEXPAND);
    grid->Add(make_field("ethnicity", _("E&thnicity"), ethnicity_), 1, wxEXPAND);
    grid->Add(make_field("employer_unit", _("Employer &unit *"), unit_), 1, wxEXPAND);
    grid->Add(make_field("retirement_date", _("&Retirement date"), retirement_), 1, wxEXPAND);
    grid->Add(make_field("phone", _("&Phone"), phone_, shared_), 1, wxEXPAND);
    grid->Add(make_field("address", _("&Address"), address_), 1, wxEXPAND);
    grid->Add(make_field("social_security_card", _("Social security &card"), card_), 1, wxEXPAND);
    grid->Add(make_field("scheme", _("Pension sc&heme"), scheme_), 1, wxEXPAND);
    // Birth date messages share the derived line with the gender ones.
    fields_["birth_date"] = Field{derived_, fields_["gender"].error};
    grid->Add(overseas_, 0, wxTOP, FromDIP(4));

    summary_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    summary_->SetForegroundColour(theme::error_colour());
    summary_->SetName("summary");

    // 读卡 and what the card said: differences from the record and warnings, in the warning
    // colour so the clerk reads them before saving.
    card_reader_ =
        new CardReaderButton(this, [this](const devices::Card& card) { apply_card(card); });
    card_notes_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    card_notes_->SetName("card_notes");
    card_notes_->SetForegroundColour(theme::error_colour());

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* save = new wxButton(this, wxID_OK, _("&Save"));
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    save->SetName("save");
    cancel->SetName("cancel");
    save->SetDefault();
    buttons->Add(summary_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    buttons->Add(save, 0, wxRIGHT, FromDIP(10));
    buttons->Add(cancel, 0);

    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* note = new wxStaticText(this, wxID_ANY, _("Fields marked * are required."));
    note->SetForegroundColour(theme::muted_colour());
    top->Add(note, 0, wxALL, FromDIP(16));
    top->Add(card_reader_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16));
    top->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(16));
    top->Add(card_notes_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(16));
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(16));
    SetSizerAndFit(top);
    CentreOnParent();

    const auto on_edit = [this](const std::string& field) {
        return [this, field](wxCommandEvent& e) {
            touched(field);
            e.Skip();
        };
    };
    id_number_->Bind(wxEVT_TEXT, on_edit("id_number"));
    name_->Bind(wxEVT_TEXT, on_edit("name"));
    ethnicity_->Bind(wxEVT_CHOICE, on_edit("ethnicity"));
    unit_->Bind(wxEVT_TEXT, on_edit("employer_unit"));
    retirement_->Bind(wxEVT_TEXT, on_edit("retirement_date"));
    phone_->Bind(wxEVT_TEXT, on_edit("phone"));
    shared_->Bind(wxEVT_CHECKBOX, on_edit("phone"));
    address_->Bind(wxEVT_TEXT, on_edit("address"));
    card_->Bind(wxEVT_TEXT, on_edit("social_security_card"));
    scheme_->Bind(wxEVT_CHOICE, on_edit("scheme"));
}

void RetireeDialog::touched(const std::string& field) {
    touched_.insert(field);
    if (field == "id_number") {
        touched_.insert("gender");
        touched_.insert("birth_date");
        update_derived();
    }
    if (auto it = fields_.find(field); it != fields_.end() && it->second.control)
        it->second.control->SetBackgroundColour(wxNullColour);  // no longer "from the card"
    debounce_.StartOnce(debounce_ms);
}

void RetireeDialog::load(const RetireeDraft& d) {
    id_number_->ChangeValue(from_utf8(d.id_number));
    name_->ChangeValue(from_utf8(d.name));
    int eth = 0;
    for (std::size_t i = 0; i < ethnicities_.size(); ++i) {
        const auto& e = ethnicities_[i];
        if (!e.empty() && (d.ethnicity == e || d.ethnicity == e + "族")) eth = static_cast<int>(i);
    }
    ethnicity_->SetSelection(eth);
    unit_->ChangeValue(from_utf8(d.employer_unit));
    retirement_->ChangeValue(from_utf8(d.retirement_date));
    phone_->ChangeValue(from_utf8(d.phone));
    shared_->SetValue(d.phone_shared_by_family);
    address_->ChangeValue(from_utf8(d.address));
    card_->ChangeValue(from_utf8(d.social_security_card));
    const auto scheme = parse_pension_scheme(d.scheme);
    scheme_->SetSelection(scheme == PensionScheme::Enterprise ? 1 : 0);
    overseas_->SetValue(d.overseas);
    update_derived();
}

RetireeDraft RetireeDialog::draft() const {
    RetireeDraft d;
    d.id_number = to_utf8(id_number_->GetValue());
    d.name = to_utf8(name_->GetValue());
    const int eth = ethnicity_->GetSelection();
    if (eth > 0) d.ethnicity = ethnicities_[static_cast<std::size_t>(eth)];
    d.employer_unit = to_utf8(unit_->GetValue());
    d.retirement_date = to_utf8(retirement_->GetValue());
    d.phone = to_utf8(phone_->GetValue());
    d.phone_shared_by_family = shared_->GetValue();
    d.address = to_utf8(address_->GetValue());
    d.social_security_card = to_utf8(card_->GetValue());
    d.scheme =
        std::string(to_string(scheme_->GetSelection() == 1 ? PensionScheme::Enterprise
                                                           : PensionScheme::PublicInstitution));
    d.overseas = overseas_->GetValue();
    // Gender and birth date stay empty: the domain derives them from the ID number.
    return d;
}

std::vector<std::string> RetireeDialog::fill_from(const RetireeDraft& incoming) {
    const RetireeDraft before = draft();
    load(incoming);
    const RetireeDraft after = draft();
    std::vector<std::string> changed;
    const auto mark = [&](const std::string& field, bool differs) {
        if (!differs) return;
        changed.push_back(field);
        if (auto* c = fields_[field].control) {
            c->SetBackgroundColour(changed_background);
            c->Refresh();
        }
        touched_.insert(field);
    };
    mark("id_number", before.id_number != after.id_number);
    mark("name", before.name != after.name);
    mark("ethnicity", before.ethnicity != after.ethnicity);
    mark("employer_unit", before.employer_unit != after.employer_unit);
    mark("retirement_date", before.retirement_date != after.retirement_date);
    mark("phone", before.phone != after.phone);
    mark("address", before.address != after.address);
    mark("social_security_card", before.social_security_card != after.social_security_card);
    mark("scheme", before.scheme != after.scheme);
    validate(false);
    return changed;
}

void RetireeDialog::apply_card(const devices::Card& card) {
    const RetireeDraft from_card = draft_from_card(card.text);
    // Only the card's fields change; unit, phone, scheme ... keep what the form has.
    fill_from(merge_card(draft(), from_card));
    card_differences_.clear();
    if (existing_) card_differences_ = pd::ui::card_differences(to_draft(*existing_), from_card);
    wxString notes = describe_differences(card_differences_, existing_.has_value());
    const wxString warnings = describe_warnings(card.text);
    if (!warnings.empty()) notes += (notes.empty() ? wxString() : wxString("\n")) + warnings;
    card_notes_->SetLabel(notes);
    card_notes_->Wrap(GetClientSize().GetWidth() - FromDIP(32));
    Layout();
    const wxSize best = GetBestSize();
    const wxSize now = GetSize();
    if (best.y > now.y || best.x > now.x) SetSize(std::max(best.x, now.x), std::max(best.y, now.y));
}

wxString RetireeDialog::card_notes() const {
    return card_notes_->GetLabel();
}

wxWindow* RetireeDialog::control(const std::string& field) const {
    auto it = fields_.find(field);
    return it == fields_.end() ? nullptr : it->second.control;
}

wxString RetireeDialog::message(const std::string& field) const {
    auto it = fields_.find(field);
    if (it == fields_.end()) return {};
    return it->second.error->GetLabel().Strip(wxString::both);
}

void RetireeDialog::update_derived() {
    const std::string raw = to_utf8(id_number_->GetValue().Strip(wxString::both));
    const auto id = IdNumber::parse(raw, session_.clock.today());
    if (!id) {
        derived_->SetLabel(raw.empty() ? wxString(_("(filled in from the ID number)"))
                                       : wxString::FromUTF8("—"));
        return;
    }
    wxString text = wxString::Format(_("%s, born %s"), gender_label(id->gender()),
                                     from_utf8(to_iso(id->birth_date())));
    if (const auto province = province_name(id->province_code()); !province.empty())
        text += wxString::FromUTF8(" · ") + from_utf8(province);
    derived_->SetLabel(text);
}

std::optional<Retiree> RetireeDialog::validate(bool all) {
    debounce_.Stop();
    std::optional<Uuid> self;
    if (existing_) self = existing_->id;
    try {
        auto checked = session_.registry->check(draft(), self);
        if (checked) {
            show_errors({}, all);
            return *checked;
        }
        show_errors(checked.error(), all);
    } catch (const std::exception& e) {
        summary_->SetLabel(
            wxString::Format(_("The workspace could not be read: %s"), from_utf8(e.what())));
    }
    return std::nullopt;
}

void RetireeDialog::show_errors(const FieldErrors& errors, bool all) {
    std::map<std::string, wxString> text;
    int hidden = 0;
    for (const auto& e : errors) {
        const std::string field = fields_.count(e.field) ? e.field : std::string("id_number");
        if (!all && !touched_.count(field)) {
            ++hidden;
            continue;
        }
        auto& t = text[field == "birth_date" ? std::string("gender") : field];
        if (!t.empty()) t += "\n";
        t += translate(e);
    }
    bool grew = false;
    for (auto& [id, f] : fields_) {
        if (id == "birth_date") continue;  // shares the gender line
        const wxString now = text.count(id) ? text[id] : wxString(" ");
        if (f.error->GetLabel() != now) {
            f.error->SetLabel(now);
            f.error->Wrap(f.control->GetSize().GetWidth() + FromDIP(60));
            grew = true;
        }
    }
    summary_->SetLabel(
        text.empty() ? wxString()
                     : wxString::Format(_("%zu problem(s) to fix before saving"), text.size()));
    (void)hidden;
    if (grew) {
        Layout();
        const wxSize best = GetBestSize();
        const wxSize now = GetSize();
        if (best.y > now.y || best.x > now.x)
            SetSize(std::max(best.x, now.x), std::max(best.y, now.y));
    }
}

void RetireeDialog::save() {
    if (!validate(true)) {
        for (const auto& id : field_order()) {
            if (message(id).empty()) continue;
            if (auto* c = control(id); c && c->IsEnabled() && c->AcceptsFocus()) c->SetFocus();
            break;
        }
        return;
    }
    try {
        auto result = existing_ ? session_.registry->edit(existing_->id, draft(),
                                                          existing_->revision, session_.actor)
                                : session_.registry->register_retiree(draft(), session_.actor);
        if (!result) {
            show_errors(result.error(), true);
            return;
        }
        saved_ = std::move(result).value();
    } catch (const std::exception& e) {
        wxMessageBox(wxString::Format(_("The record could not be saved:\n%s"), from_utf8(e.what())),
                     _("PensionDesk"), wxOK | wxICON_ERROR, this);
        return;
    }
    EndModal(wxID_OK);
}

}  // namespace pd::ui
