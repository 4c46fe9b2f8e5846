#include "core/asset.h"

namespace c9 {

const EntitySpec<Asset>& asset_spec()
{
    static const EntitySpec<Asset> spec {
        "asset",
        "assets",
        "assets",
        "AST",
        "Asset",
        {
            field<&Asset::name>("name", FieldKind::text, required | listed, "what it is, e.g. \"Customer database\""),
            field<&Asset::type>("type", FieldKind::choice, listed | filterable,
                "information, software, hardware, service, people or site"),
            field<&Asset::description>("description", FieldKind::text, multiline, "what it holds or does"),
            field<&Asset::owner>(
                "owner", FieldKind::person, listed | filterable, "who is accountable for it (id or email, 5.9)"),
            field<&Asset::confidentiality>("confidentiality", FieldKind::choice, listed | filterable,
                "how much disclosure would hurt: low, medium or high"),
            field<&Asset::integrity>("integrity", FieldKind::choice, listed | filterable,
                "how much unauthorised change would hurt: low, medium or high"),
            field<&Asset::availability>("availability", FieldKind::choice, listed | filterable,
                "how much an outage would hurt: low, medium or high"),
            field<&Asset::location>("location", FieldKind::text, no_flags, "where it is: site, room, cloud region"),
            field<&Asset::supplier>("supplier", FieldKind::text, filterable, "who provides or hosts it"),
            field<&Asset::status>("status", FieldKind::choice, filterable, "planned, in_use or retired"),
        },
        [] {
            return std::vector<Filter> {where_in("status", {std::string("planned"), std::string("in_use")})};
        },
        nullptr,
        {
            {.name = "retire",
                .help = "Retire an asset that is no longer used (--description may say how it was disposed of, 7.14)",
                .fields = {"description"},
                .state = "status",
                .to = {"retired"},
                .from = {"planned", "in_use"}},
        },
    };
    return spec;
}

void derive(Asset&, const Asset*, const Rules&) { }

void validate(const Asset&, const Asset*, const Rules&, Problems&) { }

} // namespace c9
