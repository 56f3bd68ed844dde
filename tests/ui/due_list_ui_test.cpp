// 待认证名单 under Xvfb: a real workspace with retirees in three units, certified through the
// real certification service at chosen days (a ManualClock set back in time) so that each list
// has known members; the panel in the main window, its unit filter, its CSV export for a
// supervisor and its refusal for a unit clerk, the audit entries, and a screenshot.
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/utils.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../support/ui_steps.h"
#include "domain/audit.h"
#include "domain/certification_cycle.h"
#include "domain/certification_service.h"
#include "domain/id_number.h"
#include "store/audit_log.h"
#include "store/auth_context.h"
#include "store/database.h"
#include "store/sqlite_certification_repository.h"
#include "store/sqlite_retiree_repository.h"
#include "ui/area.h"
#include "ui/certification_panel.h"
#include "ui/due_list_panel.h"
#include "ui/main_frame.h"
#include "ui/screenshot.h"
#include "ui/session.h"
#include "ui/text.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using List = pd::ui::DueListPanel::List;
using pd::test::pump_for;
using pd::test::pump_until;

pd::Date add_days(pd::Date d, int n) {
    return pd::Date{std::chrono::sys_days{d} + std::chrono::days{n}};
}

std::string id_number(const std::string& first17) {
    return first17 + pd::IdNumber::check_character(first17);
}

std::vector<std::string> names(const std::vector<pd::ValidityRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.name);
    return out;
}

// What the list control shows in a cell (the virtual list asks the panel's rows).
std::string cell(wxListCtrl* list, long row, int column) {
    return pd::ui::to_utf8(list->GetItemText(row, column));
}

const std::string kEducation = "陕西省教育厅";  // the demo unit clerk's unit
const std::string kSchool = "西安市第一中学";   // same region (61), another unit
const std::string kBeijing = "北京市测试单位";  // outside the demo counter clerk's region

class DueListTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NE(std::getenv("DISPLAY"), nullptr)
            << "no DISPLAY: run under Xvfb (xvfb-run -a, as scripts/test does)";
        dir_ = fs::temp_directory_path() / ("pd-uidue-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_ / "config");
        // The keyring the certification services open goes here, never to the user's folder.
        setenv("XDG_CONFIG_HOME", (dir_ / "config").c_str(), 1);
        session_ = pd::ui::Session::open(dir_ / "w.sqlite", pd::Actor{});
        ASSERT_GT(pd::store::seed_demo_staff(*session_->auth, session_->clock, session_->ids), 0);
        sign_in("demo-supervisor");
        today_ = session_->clock.today();
        month_end_ = pd::Date{today_.year() / today_.month() / std::chrono::last};

        // Certified through the real service on its own connection, on the day that gives the
        // validity wanted: the lists are computed against the session's (real) today.
        pd::store::Database db(dir_ / "w.sqlite");
        pd::ManualClock clock(std::chrono::system_clock::now());
        pd::store::SqliteRetireeRepository retirees(db, clock);
        pd::store::SqliteCertificationRepository certs(db, clock);
        pd::DefaultScopeResolver scopes;
        pd::UuidGenerator ids;
        pd::CertificationService service(retirees, certs, *session_->script, clock, ids, scopes,
                                         {});
        const auto person = [&](const char* name, const std::string& first17,
                                const std::string& unit, const char* phone,
                                std::optional<pd::Date> valid_until) {
            pd::RetireeDraft d;
            d.id_number = id_number(first17);
            d.name = name;
            d.employer_unit = unit;
            d.phone = phone;
            d.retirement_date = "2010-06-01";
            auto r = session_->registry->register_retiree(d, session_->actor);
            ASSERT_TRUE(r) << name;
            if (valid_until) certify(service, clock, r->id, *valid_until);
        };
        // Due this month: validity ends today or at the month's end.
        person("张淑珍", "61010319500101002", kEducation, "13900000001", today_);
        person("孙玉梅", "11010519510202004", kBeijing, "13900000002", month_end_);
        // Overdue by 100, 30 and 10 days.
        person("李建国", "61010319520303001", kEducation, "13900000003", add_days(today_, -100));
        person("周建华", "11010519530404003", kBeijing, "13900000004", add_days(today_, -30));
        person("刘桂兰", "61011319540505002", kSchool, "13900000005", add_days(today_, -10));
        // Never certified.
        person("王秀英", "61010319550606004", kEducation, "13900000006", std::nullopt);
        person("陈德华", "61011319560707001", kSchool, "13900000007", std::nullopt);
        // Valid for months: on no list. (Outside this month even when today is the 1st.)
        person("赵志强", "61010319570808003", kEducation, "13900000008", add_days(month_end_, 40));
    }

    void TearDown() override {
        if (frame_ != nullptr) frame_->Destroy();
        pump_for(100ms);
        session_.reset();
        if (!dir_.empty()) fs::remove_all(dir_);
    }

    void sign_in(const char* staff_number) {
        auto s =
            session_->auth->service().sign_in(staff_number, pd::store::kDemoPassword, "test-ws");
        ASSERT_TRUE(s) << staff_number;
        session_->sign_in(*s);
    }

    // Enrols and certifies `retiree` on the day whose validity (12 months less a day) ends on
    // `valid_until`.
    void certify(pd::CertificationService& service, pd::ManualClock& clock, const pd::Uuid& retiree,
                 pd::Date valid_until) {
        const pd::CycleSettings cycle;
        std::optional<pd::Date> day;
        for (int back = 360; back <= 370 && !day; ++back) {
            const pd::Date d = add_days(valid_until, -back);
            if (pd::valid_until_for(d, cycle) == valid_until) day = d;
        }
        ASSERT_TRUE(day) << "no day gives validity until " << pd::to_iso(valid_until);
        clock.set(std::chrono::sys_days{*day} + 10h);
        const pd::ConsentRecord consent{"2026-1", "同意采集人脸", "retiree", {}, clock.now()};
        auto e = service.begin_enrollment(retiree, consent, "test-template", "", "test-model",
                                          session_->actor);
        ASSERT_TRUE(e) << e.error().message();
        ASSERT_TRUE(service.confirm_enrollment(e->id, session_->actor));
        pd::FaceAttempt pass;
        pass.passed = true;
        pass.similarity = 0.9;
        pass.liveness = 0.95;
        pass.model_version = "test-model";
        auto a = service.record_attempt(retiree, pass, std::nullopt, session_->actor);
        ASSERT_TRUE(a) << a.error().message();
        ASSERT_EQ(a->record.valid_until, valid_until);
    }

    pd::ui::DueListPanel* open_window() {
        frame_ = new pd::ui::MainFrame(*session_, pd::ui::default_areas());
        frame_->SetSize(frame_->FromDIP(wxSize(1360, 860)));
        frame_->Move(0, 0);
        frame_->Show();
        auto* panel = dynamic_cast<pd::ui::DueListPanel*>(frame_->show_area("due"));
        pump_for(300ms);
        return panel;
    }

    void close_window() {
        frame_->Destroy();
        frame_ = nullptr;
        pump_for(100ms);
    }

    std::vector<pd::AuditEntry> audit_entries(pd::AuditAction action) const {
        std::vector<pd::AuditEntry> out;
        for (auto& e : session_->auth->audit().all())
            if (e.action == action) out.push_back(e);
        return out;
    }

    fs::path dir_;
    std::unique_ptr<pd::ui::Session> session_;
    pd::ui::MainFrame* frame_ = nullptr;
    pd::Date today_{};
    pd::Date month_end_{};
};

TEST_F(DueListTest, ListsFilterExportAndScreenshot) {
    auto* panel = open_window();
    ASSERT_NE(panel, nullptr) << "the \"due\" area did not make a DueListPanel";

    // Registered right after the certification area.
    const auto& areas = frame_->areas();
    ASSERT_GE(areas.size(), 3u);
    EXPECT_EQ(areas[1].id, "certification");
    EXPECT_EQ(areas[2].id, "due");
    EXPECT_EQ(pd::ui::to_utf8(areas[2].label), "待认证名单");

    // Each list's members, in calling order.
    const bool same_day = today_ == month_end_;  // then ties go by unit: 北京 before 陕西
    EXPECT_EQ(names(panel->rows(List::DueThisMonth)),
              same_day ? (std::vector<std::string>{"孙玉梅", "张淑珍"})
                       : (std::vector<std::string>{"张淑珍", "孙玉梅"}));
    EXPECT_EQ(names(panel->rows(List::Overdue)),
              (std::vector<std::string>{"李建国", "周建华", "刘桂兰"}));  // longest overdue first
    EXPECT_EQ(names(panel->rows(List::NeverCertified)),
              (std::vector<std::string>{"陈德华", "王秀英"}));  // by unit: 西安 before 陕西
    EXPECT_EQ(pd::ui::to_utf8(panel->page_label(List::DueThisMonth)), "本月到期（2）");
    EXPECT_EQ(pd::ui::to_utf8(panel->page_label(List::Overdue)), "已逾期（3）");
    EXPECT_EQ(pd::ui::to_utf8(panel->page_label(List::NeverCertified)), "从未认证（2）");

    // What the lists show: name, ID number, unit, phone, validity.
    wxListCtrl* overdue = panel->list_ctrl(List::Overdue);
    ASSERT_EQ(overdue->GetItemCount(), 3);
    EXPECT_EQ(cell(overdue, 0, 0), "李建国");
    EXPECT_EQ(cell(overdue, 0, 1), id_number("61010319520303001"));
    EXPECT_EQ(cell(overdue, 0, 2), kEducation);
    EXPECT_EQ(cell(overdue, 0, 3), "13900000003");
    EXPECT_EQ(cell(overdue, 0, 4), pd::to_iso(add_days(today_, -100)) + "（逾期 100 天）");
    wxListCtrl* never = panel->list_ctrl(List::NeverCertified);
    ASSERT_EQ(never->GetItemCount(), 2);
    EXPECT_EQ(cell(never, 1, 0), "王秀英");
    EXPECT_EQ(cell(never, 1, 4), "从未认证");
    wxListCtrl* due = panel->list_ctrl(List::DueThisMonth);
    ASSERT_EQ(due->GetItemCount(), 2);
    EXPECT_EQ(cell(due, same_day ? 1 : 0, 4), pd::to_iso(today_));

    // Viewing the lists is audited as a view of personal data.
    const auto views = audit_entries(pd::AuditAction::RetireeViewed);
    ASSERT_FALSE(views.empty());
    EXPECT_NE(views.back().detail.find("2 due this month, 3 overdue, 2 never certified"),
              std::string::npos)
        << views.back().detail;

    // The screenshot of the window with the overdue list (Chinese, nothing clipped).
    panel->show_list(List::Overdue);
    pump_for(400ms);
    const fs::path png = fs::path(PD_BUILD_DIR) / "ui-due-list.png";
    fs::remove(png);
    ASSERT_TRUE(pd::ui::save_screenshot(frame_, pd::ui::from_path(png)));
    EXPECT_GT(fs::file_size(png), 10'000u);

    // The unit filter narrows every list.
    panel->set_unit(pd::ui::from_utf8(kSchool));
    EXPECT_TRUE(panel->rows(List::DueThisMonth).empty());
    EXPECT_EQ(names(panel->rows(List::Overdue)), (std::vector<std::string>{"刘桂兰"}));
    EXPECT_EQ(names(panel->rows(List::NeverCertified)), (std::vector<std::string>{"陈德华"}));
    EXPECT_EQ(panel->list_ctrl(List::Overdue)->GetItemCount(), 1);
    EXPECT_EQ(pd::ui::to_utf8(panel->page_label(List::DueThisMonth)), "本月到期（0）");
    panel->set_unit(pd::ui::from_utf8(kBeijing));
    EXPECT_EQ(names(panel->rows(List::DueThisMonth)), (std::vector<std::string>{"孙玉梅"}));
    EXPECT_EQ(names(panel->rows(List::Overdue)), (std::vector<std::string>{"周建华"}));
    EXPECT_TRUE(panel->rows(List::NeverCertified).empty());
    pump_for(200ms);
    ASSERT_TRUE(pd::ui::save_screenshot(
        frame_, pd::ui::from_path(fs::path(PD_BUILD_DIR) / "ui-due-list-unit.png")));

    // A supervisor exports the lists shown: UTF-8 with a BOM, one line per retiree, audited.
    const fs::path csv = dir_ / "due.csv";
    ASSERT_TRUE(panel->export_csv(csv)) << panel->message().utf8_string();
    {
        std::ifstream in(csv, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        EXPECT_EQ(ss.str(),
                  "\xEF\xBB\xBF"
                  "list,name,id_number,employer_unit,phone,valid_until\r\n"
                  "due_this_month,孙玉梅," +
                      id_number("11010519510202004") + "," + kBeijing + ",13900000002," +
                      pd::to_iso(month_end_) +
                      "\r\n"
                      "overdue,周建华," +
                      id_number("11010519530404003") + "," + kBeijing + ",13900000004," +
                      pd::to_iso(add_days(today_, -30)) + "\r\n");
    }
    EXPECT_TRUE(panel->message().Contains("2")) << panel->message().utf8_string();
    const auto exports = audit_entries(pd::AuditAction::Export);
    ASSERT_EQ(exports.size(), 1u);
    EXPECT_EQ(exports[0].outcome, "ok");
    EXPECT_NE(exports[0].detail.find("2 retirees"), std::string::npos) << exports[0].detail;

    // All units again.
    panel->set_unit(wxString());
    EXPECT_EQ(panel->rows(List::Overdue).size(), 3u);

    // Double-clicking a row opens the certification area with that retiree found.
    wxListEvent activate(wxEVT_LIST_ITEM_ACTIVATED, overdue->GetId());
    activate.SetEventObject(overdue);
    activate.SetIndex(0);
    overdue->ProcessWindowEvent(activate);
    pump_for(200ms);
    auto* cert = dynamic_cast<pd::ui::CertificationPanel*>(frame_->show_area("certification"));
    ASSERT_NE(cert, nullptr);
    ASSERT_TRUE(cert->selected());
    EXPECT_EQ(cert->selected()->id_number, id_number("61010319520303001"));
}

TEST_F(DueListTest, UnitClerkSeesOwnUnitAndMayNotExport) {
    sign_in("demo-unit");  // unit HR clerk of 陕西省教育厅
    auto* panel = open_window();
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(pd::ui::to_utf8(panel->unit()), kEducation);
    EXPECT_EQ(names(panel->rows(List::DueThisMonth)), (std::vector<std::string>{"张淑珍"}));
    EXPECT_EQ(names(panel->rows(List::Overdue)), (std::vector<std::string>{"李建国"}));
    EXPECT_EQ(names(panel->rows(List::NeverCertified)), (std::vector<std::string>{"王秀英"}));

    // Export: refused with a message naming who can, nothing written, the refusal audited.
    const auto denied_before = audit_entries(pd::AuditAction::PermissionDenied).size();
    wxButton* button = panel->export_button();
    wxCommandEvent press(wxEVT_BUTTON, button->GetId());
    press.SetEventObject(button);
    button->ProcessWindowEvent(press);
    pump_for(200ms);
    EXPECT_EQ(pd::ui::to_utf8(panel->message()), "您的角色不能导出退休人员数据，请由主管导出。");
    EXPECT_FALSE(panel->export_csv(dir_ / "clerk.csv"));
    EXPECT_FALSE(fs::exists(dir_ / "clerk.csv"));
    EXPECT_EQ(audit_entries(pd::AuditAction::PermissionDenied).size(), denied_before + 2);
    EXPECT_TRUE(audit_entries(pd::AuditAction::Export).empty());
    ASSERT_TRUE(pd::ui::save_screenshot(
        frame_, pd::ui::from_path(fs::path(PD_BUILD_DIR) / "ui-due-list-clerk.png")));
    close_window();

    // A counter clerk of region 61 sees both Shaanxi units, not Beijing, and may not export
    // either; asking for a unit outside the region gives empty lists.
    sign_in("demo-counter");
    panel = open_window();
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(names(panel->rows(List::DueThisMonth)), (std::vector<std::string>{"张淑珍"}));
    EXPECT_EQ(names(panel->rows(List::Overdue)), (std::vector<std::string>{"李建国", "刘桂兰"}));
    EXPECT_EQ(names(panel->rows(List::NeverCertified)),
              (std::vector<std::string>{"陈德华", "王秀英"}));
    panel->set_unit(pd::ui::from_utf8(kBeijing));
    EXPECT_TRUE(panel->rows(List::DueThisMonth).empty());
    EXPECT_TRUE(panel->rows(List::Overdue).empty());
    EXPECT_FALSE(panel->export_csv(dir_ / "counter.csv"));
    EXPECT_EQ(pd::ui::to_utf8(panel->message()), "您的角色不能导出退休人员数据，请由主管导出。");
}

}  // namespace
