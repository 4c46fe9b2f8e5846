// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace c9 {

using CsvRow = std::vector<std::string>;

Result<std::vector<CsvRow>> parse_csv(std::string_view text);
std::string csv_escape(std::string_view field);

} // namespace c9
