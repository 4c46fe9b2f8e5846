// The ISO/IEC 27001:2022 Annex A catalog: 93 controls in four themes. The product ships ids and short titles only,
// never the standard's control text. The data file lives in catalogs/ and is compiled into the binary.
#pragma once

#include "core/control.h"

#include <string_view>
#include <vector>

namespace c9 {

// The catalog compiled into the binary (catalogs/iso27001-2022-annex-a.csv).
std::string_view annex_a_csv();

// Parses catalog CSV: id,title,theme,new_in_2022,replaces_2013.
Result<std::vector<Control>> parse_catalog(std::string_view csv);

} // namespace c9
