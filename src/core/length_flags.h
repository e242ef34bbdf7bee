// The run-length flags shared by tsunagari-cli and the window: --events, --days, --weeks,
// --months and --years, their accepted values and the words that describe them in errors.
#pragma once
#include <optional>
#include <string>

#include "calendar_length.h"

namespace tsunagari {

// The unit a length flag names ("--years" -> Years); nullopt for any other flag.
[[nodiscard]] std::optional<LengthUnit> lengthFlagUnit(const std::string& flag);

// The longest length in `unit` that a flag or a spec accepts.
[[nodiscard]] double maxLengthAmount(LengthUnit unit);

// What a flag of this unit accepts, e.g. "a number of years above 0 and at most 10000".
[[nodiscard]] std::string lengthExpectation(LengthUnit unit);

// The flag's value as a length; nullopt when it is not what lengthExpectation says (events and
// days whole, the others decimal; no sign, exponent, spaces or trailing text).
[[nodiscard]] std::optional<RunLength> parseLength(LengthUnit unit, const std::string& text);

// "--events", "--days", …: the flag that gives a length in `unit`.
[[nodiscard]] std::string lengthFlag(LengthUnit unit);

}  // namespace tsunagari
