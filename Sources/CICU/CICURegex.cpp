// Regular expressions over UTF-8 via UText, so match indexes are UTF-8 byte offsets.
#include "CICUInternal.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <memory>
#include <vector>

extern "C" {

int32_t cicu_regex_compile(const char *pattern, int32_t length, bool case_insensitive, void **out) {
    *out = nullptr;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError;
    icu::UnicodeString p = icu::UnicodeString::fromUTF8(icu::StringPiece(pattern, length));
    uint32_t flags = case_insensitive ? UREGEX_CASE_INSENSITIVE : 0;
    icu::RegexPattern *compiled = icu::RegexPattern::compile(p, flags, parseError, status);
    if (U_FAILURE(status)) {
        delete compiled;
        return status;
    }
    *out = compiled;
    return status;
}

void cicu_regex_close(void *pattern) { delete static_cast<icu::RegexPattern *>(pattern); }

int32_t cicu_regex_matches_utf8(const void *pattern, const char *text, int64_t length, int32_t time_limit,
                                int32_t max_matches, cicu_buffer *out) {
    if (text == nullptr) text = "";
    out->data = nullptr;
    out->size = 0;
    UErrorCode status = U_ZERO_ERROR;
    // RegexPattern is immutable and shareable between threads; each call gets its own matcher.
    std::unique_ptr<icu::RegexMatcher> m(static_cast<const icu::RegexPattern *>(pattern)->matcher(status));
    if (U_FAILURE(status)) return status;
    UText *ut = utext_openUTF8(nullptr, text, length, &status);
    if (U_FAILURE(status)) return status;
    m->reset(ut);
    m->setTimeLimit(time_limit, status);
    std::vector<int64_t> ranges;
    while (U_SUCCESS(status) && m->find(status)) {
        ranges.push_back(m->start64(status));
        ranges.push_back(m->end64(status));
        if (max_matches > 0 && static_cast<int32_t>(ranges.size() / 2) >= max_matches) break;
    }
    m.reset(); // the matcher refers to the UText: drop it first
    utext_close(ut);
    if (U_FAILURE(status)) return status;
    return cicu::fill(out, ranges.data(), ranges.size() * sizeof(int64_t));
}

} // extern "C"
