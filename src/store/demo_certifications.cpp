#include "store/demo_certifications.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <random>
#include <vector>

#include "domain/certification_cycle.h"
#include "domain/receipt_code.h"
#include "store/certification_schema.h"
#include "store/utc_time.h"

namespace pd::store {

std::size_t seed_demo_certifications(Database& db, const Clock& clock, std::uint64_t seed) {
    migrate_certification(db.sql());
    if (db.sql().execAndGet("SELECT count(*) FROM certification").getInt64() > 0) return 0;
    std::vector<std::string> retirees;
    {
        SQLite::Statement q(db.sql(),
                            "SELECT uuid FROM retiree WHERE status = 'active' ORDER BY key");
        while (q.executeStep()) retirees.push_back(q.getColumn(0).getString());
    }
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> days_ago(20, 430);
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_real_distribution<double> similarity(0.55, 0.9);
    std::uniform_real_distribution<double> liveness(0.9, 0.99);
    UuidGenerator ids(seed);
    const CycleSettings cycle;
    const auto now = clock.now();

    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement put(
        db.sql(),
        "INSERT INTO certification (id, retiree_id, method, outcome, at, valid_until, staff_id, "
        "staff_name, workstation, place, similarity, liveness, actions, failure_reason, "
        "receipt_number, model_version, evidence_blobs, reviewed_by, review_reason) VALUES "
        "(?, ?, ?, 'passed', ?, ?, 'demo-seed', ?, 'demo', ?, ?, ?, '[\"nod\",\"blink\"]', '', ?, "
        "'demo', '[]', '', '')");
    std::size_t written = 0;
    for (const auto& retiree : retirees) {
        const int p = percent(rng);
        if (p < 12) continue;  // never certified: the office calls them in first
        const auto at = now - std::chrono::days(days_ago(rng)) - std::chrono::hours(p % 8);
        const Date day{std::chrono::floor<std::chrono::days>(at)};
        const Uuid id = ids.next(at);
        const bool visit = p >= 92;  // a few bedridden retirees, certified at home
        put.bind(1, id.str());
        put.bind(2, retiree);
        put.bind(3, visit ? "home_visit" : "counter_face");
        put.bind(4, to_utc_iso(at));
        put.bind(5, to_iso(valid_until_for(day, cycle)));
        put.bind(6, "演示数据");
        put.bind(7, visit ? "上门认证（演示）" : "碑林区经办机构（演示）");
        put.bind(8, similarity(rng));
        put.bind(9, liveness(rng));
        put.bind(10, make_receipt_number(id, static_cast<int>(day.year())));
        put.exec();
        put.reset();
        ++written;
    }
    rebuild_retiree_validity(db.sql());
    tx.commit();
    return written;
}

}  // namespace pd::store
