#include "store/char_tokenizer.h"

#include <sqlite3.h>

#include <string>

#include "store/store_error.h"

namespace pd::store {

namespace {

// FTS5 wants a non-null instance pointer; ours has no state, so the user-data pointer (the
// connection's fts5_api, alive as long as the connection) stands in for it.
int x_create(void* user_data, const char**, int, Fts5Tokenizer** out) {
    *out = static_cast<Fts5Tokenizer*>(user_data);
    return SQLITE_OK;
}

void x_delete(Fts5Tokenizer*) {}

// Length of the UTF-8 sequence starting with `lead`; invalid bytes are taken one at a time
// (the store only ever holds validated text, so this is about robustness, not meaning).
int seq_len(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

bool is_separator(const unsigned char* p, int len) {
    if (len == 1) {
        const unsigned char c = p[0];
        const bool alnum =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return !alnum;
    }
    // U+00B7 middle dot (C2 B7), U+3000 ideographic space (E3 80 80).
    if (len == 2 && p[0] == 0xC2 && p[1] == 0xB7) return true;
    if (len == 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) return true;
    return false;
}

int x_tokenize(Fts5Tokenizer*, void* ctx, int /*flags*/, const char* text, int n,
               int (*token)(void*, int, const char*, int, int, int)) {
    const auto* p = reinterpret_cast<const unsigned char*>(text);
    int i = 0;
    while (i < n) {
        int len = seq_len(p[i]);
        if (i + len > n) len = n - i;
        if (!is_separator(p + i, len)) {
            char lower[4];
            const char* tok = text + i;
            if (len == 1 && p[i] >= 'A' && p[i] <= 'Z') {
                lower[0] = static_cast<char>(p[i] - 'A' + 'a');
                tok = lower;
            }
            if (const int rc = token(ctx, 0, tok, len, i, i + len); rc != SQLITE_OK) return rc;
        }
        i += len;
    }
    return SQLITE_OK;
}

}  // namespace

void register_char_tokenizer(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
        throw StoreError(std::string("registering the name search tokenizer: this SQLite has no "
                                     "FTS5 (") +
                         sqlite3_errmsg(db) + ")");
    }
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (api == nullptr || api->iVersion < 2) {
        throw StoreError("registering the name search tokenizer: FTS5 API unavailable");
    }
    fts5_tokenizer tok{x_create, x_delete, x_tokenize};
    if (api->xCreateTokenizer(api, kCharTokenizerName, api, &tok, nullptr) != SQLITE_OK) {
        throw StoreError(std::string("registering the name search tokenizer: ") +
                         sqlite3_errmsg(db));
    }
}

}  // namespace pd::store
