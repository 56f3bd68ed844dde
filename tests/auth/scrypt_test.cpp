#include <gtest/gtest.h>

#include "store/scrypt_password_hasher.h"

namespace {

// Small costs keep the suite fast; the defaults are checked separately once.
const pd::store::ScryptParams kFast{1024, 8, 1};

TEST(ScryptHasher, RoundTripWithPerUserSalt) {
    const pd::store::ScryptPasswordHasher h{kFast};
    const auto a = h.hash("correct horse battery");
    const auto b = h.hash("correct horse battery");
    EXPECT_NE(a, b);  // fresh salt every time
    EXPECT_TRUE(a.starts_with("$scrypt$n=1024,r=8,p=1$"));
    EXPECT_TRUE(h.verify("correct horse battery", a));
    EXPECT_TRUE(h.verify("correct horse battery", b));
    EXPECT_FALSE(h.verify("correct horse batterY", a));
    EXPECT_FALSE(h.verify("", a));
    const auto parsed = pd::store::parse_scrypt_hash(a);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->salt.size(), 16u);
    EXPECT_EQ(parsed->key.size(), 32u);
}

TEST(ScryptHasher, ChineseAndLongPasswords) {
    const pd::store::ScryptPasswordHasher h{kFast};
    const std::string pw = "养老金认证工作站很安全";
    EXPECT_TRUE(h.verify(pw, h.hash(pw)));
    const std::string long_pw(128, 'x');
    EXPECT_TRUE(h.verify(long_pw, h.hash(long_pw)));
}

TEST(ScryptHasher, DefaultsAreMemoryHard) {
    const pd::store::ScryptPasswordHasher h;
    EXPECT_GE(h.params().n, 1u << 15);
    EXPECT_GE(h.params().r, 8u);
    const auto enc = h.hash("correct horse battery");
    EXPECT_TRUE(enc.starts_with("$scrypt$n=32768,r=8,p=1$"));
    EXPECT_TRUE(h.verify("correct horse battery", enc));
}

TEST(ScryptHasher, ParameterUpgrade) {
    const pd::store::ScryptPasswordHasher old_costs{kFast};
    const pd::store::ScryptPasswordHasher new_costs{{2048, 8, 1}};
    const auto stored = old_costs.hash("correct horse battery");
    // The stronger hasher still verifies old hashes (parameters travel with the hash) ...
    EXPECT_TRUE(new_costs.verify("correct horse battery", stored));
    // ... and asks for an upgrade, which the weaker one does not.
    EXPECT_TRUE(new_costs.needs_rehash(stored));
    EXPECT_FALSE(old_costs.needs_rehash(stored));
    const auto upgraded = new_costs.hash("correct horse battery");
    EXPECT_FALSE(new_costs.needs_rehash(upgraded));
    EXPECT_TRUE(upgraded.starts_with("$scrypt$n=2048,"));
}

TEST(ScryptHasher, MalformedOrHostileEncodingsAreRejectedNotObeyed) {
    const pd::store::ScryptPasswordHasher h{kFast};
    const std::string salt(32, 'a');
    const std::string key(64, 'b');
    for (const std::string& bad :
         {std::string{}, std::string{"plain"}, "$scrypt$n=1000,r=8,p=1$" + salt + "$" + key,
          "$scrypt$n=1073741824,r=8,p=1$" + salt + "$" + key,  // 2^30: a memory bomb
          "$scrypt$n=1024,r=8$" + salt + "$" + key, "$scrypt$n=1024,r=8,p=1$zz$" + key,
          "$bcrypt$n=1024,r=8,p=1$" + salt + "$" + key}) {
        EXPECT_FALSE(h.verify("x", bad)) << bad;
        EXPECT_TRUE(h.needs_rehash(bad)) << bad;
    }
}

}  // namespace
