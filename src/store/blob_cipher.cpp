#include "store/blob_cipher.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#ifndef _WIN32
#include <sys/stat.h>
#endif

namespace pd::store {

namespace {

constexpr std::string_view kMagic = "PDE1";
constexpr std::size_t kNonce = 12;
constexpr std::size_t kTag = 16;
constexpr std::size_t kHeader = 4 + 8 + kNonce;

struct CtxFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

template <std::size_t N>
std::string to_hex(const std::array<std::uint8_t, N>& a) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string s;
    for (const auto b : a) {
        s += hex[b >> 4];
        s += hex[b & 0xF];
    }
    return s;
}

template <std::size_t N>
bool from_hex(std::string_view s, std::array<std::uint8_t, N>& out) {
    if (s.size() != 2 * N) return false;
    const auto nib = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < N; ++i) {
        const int hi = nib(s[2 * i]);
        const int lo = nib(s[2 * i + 1]);
        if (hi < 0 || lo < 0) return false;
        out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return true;
}

// A key's id is the start of its SHA-256: it names the key without revealing it.
KeyId id_of(const Key256& key) {
    std::array<std::uint8_t, SHA256_DIGEST_LENGTH> digest{};
    SHA256(key.data(), key.size(), digest.data());
    KeyId id{};
    std::copy_n(digest.begin(), id.size(), id.begin());
    return id;
}

Key256 fresh_key() {
    Key256 key{};
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) {
        throw std::runtime_error("the system random generator failed to make a key");
    }
    return key;
}

void restrict_to_owner([[maybe_unused]] const std::filesystem::path& file) {
#ifndef _WIN32
    ::chmod(file.c_str(), S_IRUSR | S_IWUSR);
#endif
}

}  // namespace

Keyring Keyring::open_or_create(const std::filesystem::path& file) {
    Keyring ring;
    ring.file_ = file;
    if (!std::filesystem::exists(file)) {
        const Key256 key = fresh_key();
        ring.active_ = id_of(key);
        ring.keys_.emplace(ring.active_, key);
        ring.save();
        return ring;
    }
#ifndef _WIN32
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        throw std::runtime_error("the key file " + file.string() +
                                 " can be read by other users; run: chmod 600 " + file.string());
    }
#endif
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read the key file " + file.string());
    std::string line;
    int line_no = 0;
    bool have_active = false;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string id_hex, key_hex, state;
        fields >> id_hex >> key_hex >> state;
        KeyId id{};
        Key256 key{};
        if (!from_hex(id_hex, id) || !from_hex(key_hex, key) ||
            (state != "active" && state != "retired") || id_of(key) != id) {
            throw std::runtime_error("the key file " + file.string() + " is damaged at line " +
                                     std::to_string(line_no));
        }
        ring.keys_.emplace(id, key);
        if (state == "active") {
            if (have_active) {
                throw std::runtime_error("the key file " + file.string() +
                                         " names two active keys");
            }
            ring.active_ = id;
            have_active = true;
        }
    }
    if (!have_active) {
        throw std::runtime_error("the key file " + file.string() + " has no active key");
    }
    return ring;
}

const Key256* Keyring::find(const KeyId& id) const {
    const auto it = keys_.find(id);
    return it == keys_.end() ? nullptr : &it->second;
}

void Keyring::rotate() {
    const Key256 key = fresh_key();
    active_ = id_of(key);
    keys_.emplace(active_, key);
}

void Keyring::retire_unused() {
    const Key256 active = keys_.at(active_);
    keys_.clear();
    keys_.emplace(active_, active);
}

void Keyring::save() const {
    std::filesystem::create_directories(file_.parent_path());
    const auto tmp = std::filesystem::path(file_.string() + ".tmp");
    {
        // Create it owner-only before writing a single key byte into it.
        std::ofstream touch(tmp, std::ios::trunc);
        if (!touch) throw std::runtime_error("cannot write the key file " + tmp.string());
    }
    restrict_to_owner(tmp);
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "# PensionDesk keyring: keep this file secret and backed up apart from the "
               "database\n";
        for (const auto& [id, key] : keys_) {
            out << to_hex(id) << ' ' << to_hex(key) << ' ' << (id == active_ ? "active" : "retired")
                << '\n';
        }
        out.flush();
        if (!out) throw std::runtime_error("cannot write the key file " + tmp.string());
    }
    std::filesystem::rename(tmp, file_);
}

Bytes BlobCipher::seal(std::span<const std::uint8_t> plaintext, std::string_view associated) const {
    const KeyId id = keys_.active_id();
    const Key256* key = keys_.find(id);
    Bytes out(kHeader + plaintext.size() + kTag);
    std::copy(kMagic.begin(), kMagic.end(), out.begin());
    std::copy(id.begin(), id.end(), out.begin() + 4);
    std::uint8_t* nonce = out.data() + 12;
    if (RAND_bytes(nonce, static_cast<int>(kNonce)) != 1) {
        throw CipherError("the system random generator failed");
    }
    Ctx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key->data(), nonce) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len,
                          reinterpret_cast<const unsigned char*>(associated.data()),
                          static_cast<int>(associated.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out.data() + kHeader, &len, plaintext.data(),
                          static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out.data() + kHeader + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTag),
                            out.data() + kHeader + plaintext.size()) != 1) {
        throw CipherError("encryption failed in OpenSSL");
    }
    return out;
}

KeyId BlobCipher::key_id_of(std::span<const std::uint8_t> sealed) {
    if (sealed.size() < kHeader + kTag ||
        !std::equal(kMagic.begin(), kMagic.end(), sealed.begin())) {
        throw CipherError("not an encrypted PensionDesk blob (bad header or too short)");
    }
    KeyId id{};
    std::copy_n(sealed.begin() + 4, id.size(), id.begin());
    return id;
}

Bytes BlobCipher::open(std::span<const std::uint8_t> sealed, std::string_view associated) const {
    const KeyId id = key_id_of(sealed);
    const Key256* key = keys_.find(id);
    if (!key) {
        throw CipherError("the blob was sealed with key " + to_hex(id) +
                          ", which this workstation's keyring does not hold");
    }
    const std::size_t n = sealed.size() - kHeader - kTag;
    Bytes plain(n);
    Ctx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    std::array<std::uint8_t, kTag> tag{};
    std::copy_n(sealed.begin() + static_cast<std::ptrdiff_t>(kHeader + n), kTag, tag.begin());
    const bool ok = ctx &&
                    EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key->data(),
                                       sealed.data() + 12) == 1 &&
                    EVP_DecryptUpdate(ctx.get(), nullptr, &len,
                                      reinterpret_cast<const unsigned char*>(associated.data()),
                                      static_cast<int>(associated.size())) == 1 &&
                    EVP_DecryptUpdate(ctx.get(), plain.data(), &len, sealed.data() + kHeader,
                                      static_cast<int>(n)) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTag),
                                        tag.data()) == 1 &&
                    EVP_DecryptFinal_ex(ctx.get(), plain.data() + len, &len) == 1;
    if (!ok) {
        // Wipe what was decrypted before the tag check failed: nothing unauthenticated leaks.
        std::fill(plain.begin(), plain.end(), std::uint8_t{0});
        throw CipherError("the encrypted data was altered, or belongs to another record");
    }
    return plain;
}

Bytes BlobCipher::reseal(std::span<const std::uint8_t> sealed, std::string_view associated) const {
    auto plain = open(sealed, associated);
    auto out = seal(plain, associated);
    std::fill(plain.begin(), plain.end(), std::uint8_t{0});
    return out;
}

std::filesystem::path default_keyring_path(std::string_view workspace_id) {
    std::filesystem::path base;
#ifdef _WIN32
    if (const char* appdata = std::getenv("APPDATA"))
        base = std::filesystem::path(appdata) / "PensionDesk";
#else
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
        base = std::filesystem::path(xdg) / "pensiondesk";
    } else if (const char* home = std::getenv("HOME")) {
        base = std::filesystem::path(home) / ".config" / "pensiondesk";
    }
#endif
    if (base.empty()) throw std::runtime_error("no user configuration directory (HOME is unset)");
    return base / "keys" / (std::string(workspace_id) + ".keyring");
}

}  // namespace pd::store
