// Kept so that includes of "export/text_escape.h" outside export/ still compile: text_escape.cpp was split by what
// it does. Include the header you need instead; this one goes once nothing includes it.
#pragma once

#include "export/doc_format.h"
#include "export/doc_words.h"
#include "export/html_text.h"
#include "export/markdown_text.h"
#include "export/plain_text.h"
