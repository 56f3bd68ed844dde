#pragma once

#include <wx/string.h>

#include <vector>

#include "devices/text_block.h"
#include "ui/card_draft.h"

namespace pd::ui {

// "The ID card differs from the record in: Name: 张三 (record) → 张叁 (card); ..." — one line per
// field, translated. For a new registration (`editing` false) and no differences: empty.
[[nodiscard]] wxString describe_differences(const std::vector<CardDifference>& differences,
                                            bool editing);

// The card's warnings (expired, ID number fails validation, ...), one per line; empty if none.
[[nodiscard]] wxString describe_warnings(const devices::CardText& card);

}  // namespace pd::ui
