#include "export/renderers.h"

#include "export/doc_html.h"
#include "export/doc_json.h"
#include "export/minutes_markdown.h"

namespace c9 {

MinutesRenderers minutes_renderers()
{
    return {
        [](const MinutesDoc& doc) { return minutes_markdown_body(doc); },
        [](const MinutesDoc& doc) { return minutes_markdown(doc); },
        [](const MinutesDoc& doc) { return minutes_html(doc); },
        [](const MinutesDoc& doc) { return minutes_json(doc).dump(2); },
    };
}

} // namespace c9
