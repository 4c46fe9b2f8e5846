#include "core/catalog.h"

#include "core/csv.h"
#include "core/patch.h"

#include <fmt/format.h>

namespace c9 {

Result<std::vector<Control>> parse_catalog(std::string_view csv)
{
    auto rows = C9_TRY(parse_csv(csv));
    if (rows.empty() || rows[0].size() < 5 || rows[0][0] != "id")
        return Error::invalid("catalog", "the header must be id,title,theme,new_in_2022,replaces_2013");
    std::vector<Control> controls;
    for (size_t index = 1; index < rows.size(); ++index) {
        const auto& row = rows[index];
        if (row.size() == 1 && row[0].empty())
            continue;
        auto where = fmt::format("catalog line {}", index + 1);
        if (row.size() != 5)
            return Error::invalid("catalog", where + ": expected 5 fields");
        Control control;
        auto code = normalize_controls(row[0]);
        if (!code || *code != row[0])
            return Error::invalid("catalog", where + ": \"" + row[0] + "\" is not a control id");
        control.code = row[0];
        control.title = row[1];
        auto theme = parse_enum<Theme>(row[2]);
        if (!theme)
            return Error::invalid("catalog", where + ": unknown theme \"" + row[2] + "\"");
        control.theme = *theme;
        if (row[3] != "yes" && row[3] != "no")
            return Error::invalid("catalog", where + ": new_in_2022 must be yes or no");
        control.new_in_2022 = row[3] == "yes";
        if (!row[4].empty()) {
            std::string sources = row[4];
            for (auto& c : sources)
                if (c == ';')
                    c = ',';
            control.replaces_2013 = sources;
        }
        controls.push_back(std::move(control));
    }
    return controls;
}

} // namespace c9
