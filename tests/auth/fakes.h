#pragma once

// In-memory stand-ins for the outer layers, so the domain's rules run without a disk.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "domain/audit.h"
#include "domain/password_hasher.h"
#include "domain/retiree_repository.h"
#include "domain/script_checker.h"
#include "domain/staff_account.h"

namespace pd::test {

class MemoryStaff final : public StaffRepository {
  public:
    [[nodiscard]] std::int64_t count() const override {
        return static_cast<std::int64_t>(rows.size());
    }
    [[nodiscard]] std::optional<StaffAccount> by_id(const Uuid& id) const override {
        for (const auto& a : rows) {
            if (a.id == id) return a;
        }
        return std::nullopt;
    }
    [[nodiscard]] std::optional<StaffAccount> by_staff_number(
        std::string_view number) const override {
        for (const auto& a : rows) {
            if (a.staff_number == number) return a;
        }
        return std::nullopt;
    }
    [[nodiscard]] std::vector<StaffAccount> all() const override { return rows; }
    void add(const StaffAccount& a) override {
        if (by_staff_number(a.staff_number)) throw DuplicateKey(a.staff_number);
        rows.push_back(a);
    }
    void update(const StaffAccount& after) override {
        for (auto& a : rows) {
            if (a.id == after.id) {
                if (a.revision != after.revision - 1) throw StaleRevision(a.staff_number);
                a = after;
                return;
            }
        }
        throw StaleRevision(after.staff_number);
    }
    std::vector<StaffAccount> rows;
};

// "v<cost>:<password>": cheap and transparent; counts verifications for the timing tests.
class FakeHasher final : public PasswordHasher {
  public:
    [[nodiscard]] std::string hash(std::string_view password) const override {
        return "v" + std::to_string(cost) + ":" + std::string(password);
    }
    [[nodiscard]] bool verify(std::string_view password, std::string_view encoded) const override {
        ++verifications;
        const auto colon = encoded.find(':');
        return colon != std::string_view::npos && encoded.substr(colon + 1) == password;
    }
    [[nodiscard]] bool needs_rehash(std::string_view encoded) const override {
        return !encoded.starts_with("v" + std::to_string(cost) + ":");
    }
    int cost = 1;
    mutable int verifications = 0;
};

class MemoryAudit final : public AuditSink {
  public:
    void append(const AuditEntry& e) override { entries.push_back(e); }
    [[nodiscard]] std::vector<AuditEntry> of(AuditAction a) const {
        std::vector<AuditEntry> out;
        std::ranges::copy_if(entries, std::back_inserter(out),
                             [&](const AuditEntry& e) { return e.action == a; });
        return out;
    }
    std::vector<AuditEntry> entries;
};

class NoTraditional final : public ScriptChecker {
  public:
    [[nodiscard]] std::optional<char32_t> simplified_of(char32_t) const override {
        return std::nullopt;
    }
};

class MemoryRetirees final : public RetireeRepository {
  public:
    [[nodiscard]] std::optional<Retiree> by_id(const Uuid& id) const override {
        for (const auto& r : rows) {
            if (r.id == id) return r;
        }
        return std::nullopt;
    }
    [[nodiscard]] std::optional<Retiree> by_id_number(const IdNumber& id) const override {
        for (const auto& r : rows) {
            if (r.id_number == id) return r;
        }
        return std::nullopt;
    }
    [[nodiscard]] std::vector<Retiree> by_phone(const MobilePhone& phone) const override {
        std::vector<Retiree> out;
        for (const auto& r : rows) {
            if (r.phone && r.phone->str() == phone.str()) out.push_back(r);
        }
        return out;
    }
    void add(const Retiree& r, const ChangeNote&) override { rows.push_back(r); }
    void update(const Retiree& after, const ChangeNote&) override {
        for (auto& r : rows) {
            if (r.id == after.id) {
                if (r.revision != after.revision - 1) throw StaleRevision("stale");
                r = after;
                return;
            }
        }
        throw StaleRevision("missing");
    }
    std::vector<Retiree> rows;
};

// A valid GB 11643 ID number from its first 17 digits.
inline std::string id_number(const std::string& first17) {
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    return first17 + "10X98765432"[sum % 11];
}

}  // namespace pd::test
