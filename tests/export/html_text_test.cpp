#include "export/html_text.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

TEST(HtmlText, HtmlEscapesMarkupAndQuotes)
{
    EXPECT_EQ(html_escape("<script>alert('x') & \"y\"</script>"),
              "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

} // namespace
} // namespace c9
