// Regular expressions over UTF-8 via UText, so match indexes are UTF-8 byte offsets.
#include "CICUInternal.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <ctime>
#include <memory>
#include <vector>

namespace {

int64_t thread_cpu_ns() {
    timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// What the match callback needs: when the call started and how much CPU time it may use.
struct CPUBudget {
    int64_t start_ns;
    int64_t budget_ns;
};

// ICU calls this every few thousand match steps (each time-limit unit); false stops the match
// with U_REGEX_STOPPED_BY_CALLER.
UBool U_CALLCONV within_budget(const void *context, int32_t) {
    const CPUBudget *budget = static_cast<const CPUBudget *>(context);
    return thread_cpu_ns() - budget->start_ns < budget->budget_ns;
}

} // namespace

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

int32_t cicu_regex_matches_utf8_budget(const void *pattern, const char *text, int64_t length, int32_t max_matches,
                                       int64_t budget_ns, int64_t *used_ns, cicu_buffer *out) {
    if (text == nullptr) text = "";
    out->data = nullptr;
    out->size = 0;
    CPUBudget budget{thread_cpu_ns(), budget_ns};
    *used_ns = 0;
    if (budget_ns <= 0) return U_REGEX_TIME_OUT;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(static_cast<const icu::RegexPattern *>(pattern)->matcher(status));
    if (U_FAILURE(status)) return status;
    UText *ut = utext_openUTF8(nullptr, text, length, &status);
    if (U_FAILURE(status)) return status;
    m->reset(ut);
    m->setMatchCallback(within_budget, &budget, status);
    std::vector<int64_t> ranges;
    // The callback runs inside a match; between matches (many quick ones) the budget is checked here.
    while (U_SUCCESS(status) && m->find(status)) {
        ranges.push_back(m->start64(status));
        ranges.push_back(m->end64(status));
        if (max_matches > 0 && static_cast<int32_t>(ranges.size() / 2) >= max_matches) break;
        if ((ranges.size() & 0xFFF) == 0 && !within_budget(&budget, 0)) status = U_REGEX_STOPPED_BY_CALLER;
    }
    m.reset();
    utext_close(ut);
    *used_ns = thread_cpu_ns() - budget.start_ns;
    if (status == U_REGEX_STOPPED_BY_CALLER) return U_REGEX_TIME_OUT;
    if (U_FAILURE(status)) return status;
    return cicu::fill(out, ranges.data(), ranges.size() * sizeof(int64_t));
}

} // extern "C"
