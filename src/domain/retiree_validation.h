#pragma once

#include <vector>

#include "domain/error.h"
#include "domain/expected.h"
#include "domain/retiree.h"
#include "domain/script_checker.h"

namespace pd {

using FieldErrors = std::vector<Error>;

// Checks every field of a draft (not just the first bad one, so a form can mark them all) and
// builds the record. The result has a nil id and revision 1; the registry assigns the id.
// Checks that need the registry (duplicate ID number, phone held by another) are not here.
[[nodiscard]] Expected<Retiree, FieldErrors> validate_draft(const RetireeDraft& draft,
                                                            const ScriptChecker& script,
                                                            Date today);

// Free text (unit, address) with no control characters, valid UTF-8, at most `max` characters.
[[nodiscard]] std::optional<Error> check_free_text(std::string_view text, std::string field,
                                                   std::size_t max, bool required);

}  // namespace pd
