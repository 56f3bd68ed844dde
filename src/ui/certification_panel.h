#pragma once

#include <wx/panel.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "domain/certification.h"
#include "domain/eligibility.h"
#include "domain/retiree_directory.h"

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

#include "devices/card.h"

namespace pd::ui {

struct Session;
class CertificationServices;
class CardReaderButton;

// 资格认证: find the retiree, see whether they can be certified now (every reason and what to
// do next, in large text), start the wizard, and the history of their certifications
// (认证查询) with CSV export and, for a pending review, the supervisor's decision.
class CertificationPanel final : public wxPanel {
  public:
    CertificationPanel(wxWindow* parent, Session& session);
    ~CertificationPanel() override;

    void search(const wxString& text);
    void select(std::size_t row);
    void open_wizard();
    // What 读卡 does with a card: finds its holder by ID number, selects them and checks the
    // card's name and number against the record (reasons in the eligibility text).
    void find_card_holder(const devices::Card& card);
    // Writes the selected retiree's history as UTF-8 CSV. Throws on I/O errors.
    void export_history(const std::filesystem::path& file) const;

    [[nodiscard]] CertificationServices& services() { return *services_; }
    [[nodiscard]] std::size_t result_count() const { return results_.size(); }
    [[nodiscard]] const std::vector<Certification>& history() const { return history_; }
    [[nodiscard]] CardReaderButton* card_reader() const { return card_reader_; }
    [[nodiscard]] const std::optional<RetireeRow>& selected() const { return selected_; }
    // The name and number on the card read for the selected retiree, if any.
    [[nodiscard]] std::optional<PresentedIdentity> presented() const;
    [[nodiscard]] const std::optional<devices::Card>& card() const { return card_; }
    [[nodiscard]] wxString eligibility_text() const;

  private:
    // False when the store failed (its message is shown).
    bool run_search(const wxString& text, SearchField field);
    void show_selected();
    void review_selected();

    Session& session_;
    std::unique_ptr<CertificationServices> services_;
    std::vector<RetireeRow> results_;
    std::optional<RetireeRow> selected_;
    // The card read for the selected retiree (its identity is checked against the record, the
    // wizard takes it for the chip photo); it goes when another is selected.
    std::optional<devices::Card> card_;
    std::vector<Certification> history_;
    wxTextCtrl* query_ = nullptr;
    CardReaderButton* card_reader_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* eligibility_ = nullptr;
    wxButton* certify_ = nullptr;
    wxListCtrl* history_list_ = nullptr;
    wxButton* export_ = nullptr;
    wxButton* review_ = nullptr;
};

// The error shown in place of the panel when the certification services cannot open.
[[nodiscard]] wxWindow* make_certification_panel(wxWindow* parent, Session& session);

}  // namespace pd::ui
