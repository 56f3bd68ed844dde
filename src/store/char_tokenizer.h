#pragma once

struct sqlite3;

namespace pd::store {

// Name of the FTS5 tokenizer that emits one token per character (CJK ideographs and letters
// alike, ASCII lower-cased, spaces/punctuation/middle dots skipped). A phrase query of the
// same characters is then an exact substring match, for any fragment length, 1 character
// included: what Chinese name search needs and FTS5's built-in tokenizers do not give.
inline constexpr const char* kCharTokenizerName = "pd_chars";

// Registers the tokenizer on this connection (every connection must, before touching an FTS
// table that uses it). Throws StoreError when FTS5 is not available.
void register_char_tokenizer(sqlite3* db);

}  // namespace pd::store
