#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pd::store {

using Bytes = std::vector<std::uint8_t>;
using Key256 = std::array<std::uint8_t, 32>;
using KeyId = std::array<std::uint8_t, 8>;

// Thrown when a sealed blob cannot be opened: altered, truncated, bound to another record,
// or sealed under a key this keyring does not hold. Never returns partial plaintext.
class CipherError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The keys that protect biometrics and bank account numbers at rest. They live in a file outside
// the database (readable by the owner only), so a copied database alone reveals nothing.
// File format (text, one key per line): "<key id hex> <key hex> active|retired".
class Keyring {
  public:
    // Opens the keyring file, creating it with one fresh key (mode 0600) when it is absent.
    // Throws std::runtime_error naming the file when it is unreadable, malformed, or readable
    // by others on POSIX systems.
    static Keyring open_or_create(const std::filesystem::path& file);

    [[nodiscard]] const KeyId& active_id() const { return active_; }
    [[nodiscard]] const Key256* find(const KeyId& id) const;
    [[nodiscard]] std::size_t size() const { return keys_.size(); }

    // Rotation, step 1: a new active key; older keys stay to open existing blobs. Step 2 is
    // re-sealing every blob (BlobCipher::reseal); step 3, retire_unused, drops the old keys.
    void rotate();
    // Drops every key except the active one (call after all blobs were resealed).
    void retire_unused();
    void save() const;

  private:
    std::filesystem::path file_;
    std::map<KeyId, Key256> keys_;
    KeyId active_{};
};

// AES-256-GCM with a fresh random 96-bit nonce per blob. Layout:
// "PDE1" | key id (8) | nonce (12) | ciphertext | tag (16). The associated data binds a blob to
// its owner and purpose (e.g. "retiree/<uuid>/face-template"), so a blob copied onto another
// record fails to open.
class BlobCipher {
  public:
    explicit BlobCipher(const Keyring& keys) : keys_(keys) {}

    [[nodiscard]] Bytes seal(std::span<const std::uint8_t> plaintext,
                             std::string_view associated) const;
    [[nodiscard]] Bytes open(std::span<const std::uint8_t> sealed,
                             std::string_view associated) const;
    // Opens with whichever key sealed it and seals again under the active key.
    [[nodiscard]] Bytes reseal(std::span<const std::uint8_t> sealed,
                               std::string_view associated) const;
    [[nodiscard]] static KeyId key_id_of(std::span<const std::uint8_t> sealed);
    [[nodiscard]] const KeyId& active_key_id() const { return keys_.active_id(); }

  private:
    const Keyring& keys_;
};

// Where the keyring of a workspace lives: beside the user's configuration, never beside the
// database file (XDG_CONFIG_HOME or ~/.config/pensiondesk/keys on Linux, %APPDATA% on Windows).
[[nodiscard]] std::filesystem::path default_keyring_path(std::string_view workspace_id);

}  // namespace pd::store
