// Plain-C face of the system ICU for Swift.
//
// Swift cannot call ICU directly (its functions are version-renaming macros) and Foundation's bundled
// `_FoundationICU` module clashes with the system headers, so this header exposes only C scalar types;
// every ICU header stays inside the .cpp files. Error results are UErrorCode values as int32_t
// (0 = success, < 0 = warning, > 0 = failure).
#ifndef CICU_H
#define CICU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: Errors and version

/// u_errorName: a static string such as "U_REGEX_TIME_OUT".
const char *cicu_error_name(int32_t code);
/// u_getVersion formatted with u_versionToString into `buffer` (at least 20 bytes), e.g. "72.1".
void cicu_version(char *buffer, int32_t capacity);

/// Variable-size output allocated by the shim with malloc; `size` is in bytes. Release with cicu_buffer_free.
typedef struct cicu_buffer {
    void *data;
    int64_t size;
} cicu_buffer;
void cicu_buffer_free(cicu_buffer *buffer);

// MARK: Normalization (Normalizer2 singletons are immutable and thread-safe: no handles needed)

enum {
    CICU_NFC = 0,
    CICU_NFD = 1,
    CICU_NFKC = 2,
    CICU_NFKD = 3,
    CICU_NFKC_CASEFOLD = 4,
};

/// Checks that the form's instance (and data) is available.
int32_t cicu_norm_check(int32_t form);
/// Normalizes UTF-8 into `dest`. `*required` receives the full output length even when it does not fit
/// (then U_BUFFER_OVERFLOW_ERROR is returned and the caller retries with a larger buffer).
int32_t cicu_norm_normalize_utf8(int32_t form, const uint8_t *src, int32_t length,
                                 uint8_t *dest, int32_t capacity, int32_t *required);
int32_t cicu_norm_is_normalized_utf8(int32_t form, const uint8_t *src, int32_t length, bool *result);
/// Length in bytes of the longest prefix that is certainly normalized and ends at a normalization boundary.
int32_t cicu_norm_normalized_prefix_utf8(int32_t form, const uint8_t *src, int64_t length, int64_t *result);

// MARK: Transliteration (handle is not thread-safe: callers serialize)

int32_t cicu_translit_open(const char *id, int32_t id_length, void **out);
void cicu_translit_close(void *translit);
int32_t cicu_translit_run(void *translit, const char *text, int32_t length, cicu_buffer *out);

// MARK: Break iteration (handle is not thread-safe: callers serialize)

enum {
    CICU_BREAK_WORD = 0,
    CICU_BREAK_SENTENCE = 1,
    CICU_BREAK_LINE = 2,
    CICU_BREAK_CHARACTER = 3,
};

int32_t cicu_brk_open(int32_t kind, const char *locale, void **out);
void cicu_brk_close(void *brk);
/// Boundaries of UTF-8 text as int32 pairs (boundary, rule status) in `out`, starting with (0, 0).
int32_t cicu_brk_boundaries_utf8(void *brk, const char *text, int32_t length, cicu_buffer *out);

// MARK: Charset detection and conversion (objects are created per call)

typedef struct cicu_charset_match {
    char name[64];
    char language[16];
    int32_t confidence;
} cicu_charset_match;

/// All matches, best first; at most `capacity` are written, the number in `*count`.
int32_t cicu_csdet_detect_all(const char *bytes, int32_t length, cicu_charset_match *out,
                              int32_t capacity, int32_t *count);

/// Decodes to UTF-8 (`out`), replacing each illegal or unassigned sequence with U+FFFD and listing its
/// input byte offset as int64 values in `invalid_offsets`.
int32_t cicu_conv_decode(const char *charset, const char *bytes, int32_t length,
                         cicu_buffer *out, cicu_buffer *invalid_offsets);
/// Encodes UTF-8 text; a character the charset cannot represent fails with U_INVALID_CHAR_FOUND.
int32_t cicu_conv_encode(const char *charset, const char *text, int32_t length, cicu_buffer *out);
bool cicu_conv_is_known(const char *charset);
/// ICU's converters by index (ucnv_countAvailable, ucnv_getAvailableName), and a converter's
/// name in a standard such as "IANA" or "MIME" (null when it has none).
int32_t cicu_conv_count_available(void);
const char *cicu_conv_available_name(int32_t index);
const char *cicu_conv_standard_name(const char *charset, const char *standard);

// MARK: Locale data

/// Writes the four quotation delimiters as NUL-terminated UTF-8 into the four buffers.
int32_t cicu_locale_delimiters(const char *locale, char *qs, char *qe, char *aqs, char *aqe, int32_t capacity);

enum {
    CICU_MONTHS_FORMAT = 0,
    CICU_MONTHS_STANDALONE = 1,
};
enum {
    CICU_MONTHS_WIDE = 0,
    CICU_MONTHS_ABBREVIATED = 1,
    CICU_MONTHS_NARROW = 2,
};
/// The locale's twelve month names (DateFormatSymbols) in one context and width, as UTF-8
/// separated by '\n' (Greek format-wide gives the genitive "Σεπτεμβρίου", stand-alone "Σεπτέμβριος").
int32_t cicu_month_names(const char *locale, int32_t context, int32_t width, cicu_buffer *out);
/// The locale's decimal and grouping separators (DecimalFormatSymbols) as NUL-terminated UTF-8.
int32_t cicu_number_symbols(const char *locale, char *decimal, char *grouping, int32_t capacity);

// MARK: Spoof checking (handle is serialized by callers)

int32_t cicu_spoof_open(void **out);
void cicu_spoof_close(void *spoof);
/// `*checks` receives the failed USpoofChecks bits, `*restriction_level` the text's URestrictionLevel.
int32_t cicu_spoof_check_utf8(void *spoof, const char *text, int32_t length, int32_t *checks,
                              int32_t *restriction_level);
int32_t cicu_spoof_skeleton_utf8(void *spoof, const char *text, int32_t length, cicu_buffer *out);
/// USPOOF_RESTRICTION_LEVEL, and URestrictionLevel values used to interpret results.
int32_t cicu_spoof_restriction_level_bit(void);
int32_t cicu_spoof_single_script_level(void);

// MARK: Regular expressions (a compiled pattern is immutable; a matcher is made per call)

int32_t cicu_regex_compile(const char *pattern, int32_t length, bool case_insensitive, void **out);
void cicu_regex_close(void *pattern);
/// Non-overlapping matches of UTF-8 text as int64 pairs (start, end) in UTF-8 byte offsets;
/// `max_matches` = 1 stops after the first. `time_limit` is in uregex_setTimeLimit units.
int32_t cicu_regex_matches_utf8(const void *pattern, const char *text, int64_t length, int32_t time_limit,
                                int32_t max_matches, cicu_buffer *out);
/// As `cicu_regex_matches_utf8`, with no ICU time limit but a budget of CPU time (of the calling
/// thread, in nanoseconds) for the whole call: past it, the match stops with U_REGEX_TIME_OUT.
/// `used_ns` receives the CPU time the call took, also on failure.
int32_t cicu_regex_matches_utf8_budget(const void *pattern, const char *text, int64_t length, int32_t max_matches,
                                       int64_t budget_ns, int64_t *used_ns, cicu_buffer *out);

#ifdef __cplusplus
}
#endif

#endif
