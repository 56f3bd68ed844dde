#include "store/scrypt_password_hasher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <charconv>
#include <memory>
#include <vector>

#include "store/store_error.h"

namespace pd::store {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
// Bounds for parameters read back from a stored hash: a tampered row must not make sign-in
// allocate gigabytes.
constexpr std::uint64_t kMaxN = std::uint64_t{1} << 20;
constexpr std::uint32_t kMaxR = 32;
constexpr std::uint32_t kMaxP = 16;

std::string to_hex(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const unsigned char c : bytes) {
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = nibble(hex[i]);
        const int lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

bool valid(const ScryptParams& p) {
    return p.n >= 2 && p.n <= kMaxN && (p.n & (p.n - 1)) == 0 && p.r >= 1 && p.r <= kMaxR &&
           p.p >= 1 && p.p <= kMaxP;
}

std::string derive(std::string_view password, std::string_view salt, const ScryptParams& p,
                   std::size_t key_len) {
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_id(EVP_PKEY_SCRYPT, nullptr), &EVP_PKEY_CTX_free);
    std::string key(key_len, '\0');
    std::size_t out_len = key_len;
    // scrypt needs 128 * N * r * p bytes plus change; OpenSSL refuses above maxmem.
    const std::uint64_t maxmem = 128 * p.n * p.r * p.p + (std::uint64_t{16} << 20);
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 ||
        EVP_PKEY_CTX_set1_pbe_pass(ctx.get(), password.data(), static_cast<int>(password.size())) <=
            0 ||
        EVP_PKEY_CTX_set1_scrypt_salt(ctx.get(),
                                      reinterpret_cast<const unsigned char*>(salt.data()),
                                      static_cast<int>(salt.size())) <= 0 ||
        EVP_PKEY_CTX_set_scrypt_N(ctx.get(), p.n) <= 0 ||
        EVP_PKEY_CTX_set_scrypt_r(ctx.get(), p.r) <= 0 ||
        EVP_PKEY_CTX_set_scrypt_p(ctx.get(), p.p) <= 0 ||
        EVP_PKEY_CTX_set_scrypt_maxmem_bytes(ctx.get(), maxmem) <= 0 ||
        EVP_PKEY_derive(ctx.get(), reinterpret_cast<unsigned char*>(key.data()), &out_len) <= 0 ||
        out_len != key_len) {
        throw StoreError("hashing a password with scrypt: OpenSSL refused the parameters");
    }
    return key;
}

template <class T>
bool parse_number(std::string_view text, T& out) {
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

}  // namespace

std::optional<ScryptHash> parse_scrypt_hash(std::string_view encoded) {
    // $scrypt$n=...,r=...,p=...$salt$key
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= encoded.size()) {
        const auto end = encoded.find('$', start);
        if (end == std::string_view::npos) {
            parts.push_back(encoded.substr(start));
            break;
        }
        parts.push_back(encoded.substr(start, end - start));
        start = end + 1;
    }
    if (parts.size() != 5 || !parts[0].empty() || parts[1] != "scrypt") return std::nullopt;
    ScryptHash h;
    std::string_view params = parts[2];
    int seen = 0;
    while (!params.empty()) {
        const auto comma = params.find(',');
        const auto item = params.substr(0, comma);
        params = comma == std::string_view::npos ? std::string_view{} : params.substr(comma + 1);
        const auto eq = item.find('=');
        if (eq == std::string_view::npos) return std::nullopt;
        const auto name = item.substr(0, eq);
        const auto value = item.substr(eq + 1);
        bool ok = false;
        if (name == "n") ok = parse_number(value, h.params.n), seen |= 1;
        if (name == "r") ok = parse_number(value, h.params.r), seen |= 2;
        if (name == "p") ok = parse_number(value, h.params.p), seen |= 4;
        if (!ok) return std::nullopt;
    }
    if (seen != 7 || !valid(h.params)) return std::nullopt;
    auto salt = from_hex(parts[3]);
    auto key = from_hex(parts[4]);
    if (!salt || !key || salt->size() < 8 || key->size() < 16 || key->size() > 64) {
        return std::nullopt;
    }
    h.salt = std::move(*salt);
    h.key = std::move(*key);
    return h;
}

ScryptPasswordHasher::ScryptPasswordHasher(ScryptParams params) : params_(params) {
    if (!valid(params_)) throw StoreError("configuring password hashing: invalid scrypt params");
}

std::string ScryptPasswordHasher::hash(std::string_view password) const {
    std::string salt(kSaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(kSaltBytes)) !=
        1) {
        throw StoreError("hashing a password: the random generator failed");
    }
    const std::string key = derive(password, salt, params_, kKeyBytes);
    return "$scrypt$n=" + std::to_string(params_.n) + ",r=" + std::to_string(params_.r) +
           ",p=" + std::to_string(params_.p) + "$" + to_hex(salt) + "$" + to_hex(key);
}

bool ScryptPasswordHasher::verify(std::string_view password, std::string_view encoded) const {
    const auto h = parse_scrypt_hash(encoded);
    if (!h) return false;
    const std::string key = derive(password, h->salt, h->params, h->key.size());
    return CRYPTO_memcmp(key.data(), h->key.data(), key.size()) == 0;
}

bool ScryptPasswordHasher::needs_rehash(std::string_view encoded) const {
    const auto h = parse_scrypt_hash(encoded);
    if (!h) return true;
    return h->params.n < params_.n || h->params.r < params_.r || h->params.p < params_.p ||
           h->key.size() < kKeyBytes || h->salt.size() < kSaltBytes;
}

}  // namespace pd::store
