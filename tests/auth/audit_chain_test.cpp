// The chain logic without a database: canonical form and verification.

#include <gtest/gtest.h>

#include <functional>

#include "domain/audit.h"
#include "domain/clock.h"

namespace {

// Not SHA-256, but enough to test the chain logic: any change of input changes the output.
class HashOfString final : public pd::Digest {
  public:
    [[nodiscard]] std::string sha256_hex(std::string_view bytes) const override {
        return std::to_string(std::hash<std::string_view>{}(bytes));
    }
};

std::vector<pd::AuditEntry> chain(int n, std::string& head) {
    HashOfString digest;
    std::vector<pd::AuditEntry> out;
    std::string prev;
    for (int i = 1; i <= n; ++i) {
        pd::Actor a{"s" + std::to_string(i), "name", "ws", pd::Role::Supervisor, {}, {}};
        auto e = pd::make_audit(a, std::chrono::sys_days{std::chrono::year{2026} / 12 / 3},
                                pd::AuditAction::RetireeViewed, "retiree", "r" + std::to_string(i));
        e.seq = i;
        e.prev_hash = prev;
        prev = digest.sha256_hex(pd::canonical_form(e));
        out.push_back(e);
    }
    head = prev;
    return out;
}

TEST(AuditChain, CanonicalFormIsUnambiguous) {
    pd::AuditEntry a;
    a.detail = "x\ndetail=1:y";
    pd::AuditEntry b;
    b.detail = "x";
    b.subject_id = "y";
    EXPECT_NE(pd::canonical_form(a), pd::canonical_form(b));
    a = {};
    a.changes = {{"f", "1", "2"}};
    b = {};
    b.changes = {{"f", "12", ""}};
    EXPECT_NE(pd::canonical_form(a), pd::canonical_form(b));
}

TEST(AuditChain, IntactChainVerifies) {
    std::string head;
    const auto entries = chain(5, head);
    EXPECT_FALSE(pd::verify_chain(entries, HashOfString{}, 5, head).has_value());
    EXPECT_FALSE(pd::verify_chain({}, HashOfString{}, 0, "").has_value());
}

TEST(AuditChain, EditIsNamed) {
    std::string head;
    auto entries = chain(5, head);
    entries[2].staff_id = "someone else";  // entry 3
    const auto broken = pd::verify_chain(entries, HashOfString{}, 5, head);
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 3);
}

TEST(AuditChain, DeletionAndReorderAreNamed) {
    std::string head;
    auto entries = chain(5, head);
    auto deleted = entries;
    deleted.erase(deleted.begin() + 1);  // entry 2
    auto d = pd::verify_chain(deleted, HashOfString{}, 5, head);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->seq, 3);  // where the gap is seen
    auto swapped = entries;
    std::swap(swapped[1], swapped[2]);
    std::swap(swapped[1].seq, swapped[2].seq);
    auto s = pd::verify_chain(swapped, HashOfString{}, 5, head);
    ASSERT_TRUE(s.has_value());
    EXPECT_LE(s->seq, 3);
}

TEST(AuditChain, TruncationAndLastEntryEditAreCaughtByTheHead) {
    std::string head;
    auto entries = chain(5, head);
    auto truncated = entries;
    truncated.pop_back();
    EXPECT_TRUE(pd::verify_chain(truncated, HashOfString{}, 5, head).has_value());
    entries.back().detail = "edited";
    const auto b = pd::verify_chain(entries, HashOfString{}, 5, head);
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(b->seq, 5);
}

TEST(AuditChain, ActionNamesRoundTrip) {
    for (const auto a : {pd::AuditAction::SignIn, pd::AuditAction::SessionEnded,
                         pd::AuditAction::RetireeViewed, pd::AuditAction::AuditExported}) {
        EXPECT_EQ(pd::parse_audit_action(pd::to_string(a)), a);
    }
}

}  // namespace
