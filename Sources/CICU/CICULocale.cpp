// Locale data (quotation delimiters) and spoof checking.
#include "CICUInternal.h"

#include <unicode/ulocdata.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>

#include <vector>

namespace {

UErrorCode delimiter(ULocaleData *ld, ULocaleDataDelimiterType type, char *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UChar buffer[32];
    int32_t n = ulocdata_getDelimiter(ld, type, buffer, 32, &status);
    if (U_FAILURE(status)) return status;
    int32_t len = 0;
    u_strToUTF8(dest, capacity - 1, &len, buffer, n, &status);
    if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    if (U_FAILURE(status)) return status;
    dest[len] = 0;
    return U_ZERO_ERROR;
}

} // namespace

extern "C" {

int32_t cicu_locale_delimiters(const char *locale, char *qs, char *qe, char *aqs, char *aqe, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    ULocaleData *ld = ulocdata_open(locale, &status);
    if (U_FAILURE(status)) return status;
    UErrorCode result = U_ZERO_ERROR;
    const ULocaleDataDelimiterType types[4] = {ULOCDATA_QUOTATION_START, ULOCDATA_QUOTATION_END,
                                               ULOCDATA_ALT_QUOTATION_START, ULOCDATA_ALT_QUOTATION_END};
    char *dests[4] = {qs, qe, aqs, aqe};
    for (int i = 0; i < 4 && U_SUCCESS(result); ++i) result = delimiter(ld, types[i], dests[i], capacity);
    ulocdata_close(ld);
    return result;
}

int32_t cicu_spoof_open(void **out) {
    *out = nullptr;
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker *sc = uspoof_open(&status);
    if (U_FAILURE(status)) return status;
    // Moderately restrictive: one script, or Latin plus one other recommended script except Cyrillic and
    // Greek, which is where look-alikes of Latin letters come from.
    uspoof_setRestrictionLevel(sc, USPOOF_MODERATELY_RESTRICTIVE);
    uspoof_setChecks(sc, USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS | USPOOF_INVISIBLE | USPOOF_AUX_INFO,
                     &status);
    if (U_FAILURE(status)) {
        uspoof_close(sc);
        return status;
    }
    *out = sc;
    return status;
}

void cicu_spoof_close(void *spoof) { uspoof_close(static_cast<USpoofChecker *>(spoof)); }

int32_t cicu_spoof_check_utf8(void *spoof, const char *text, int32_t length, int32_t *checks,
                              int32_t *restriction_level) {
    if (text == nullptr) text = "";
    *checks = 0;
    *restriction_level = 0;
    UErrorCode status = U_ZERO_ERROR;
    USpoofCheckResult *result = uspoof_openCheckResult(&status);
    if (U_FAILURE(status)) return status;
    int32_t bits = uspoof_check2UTF8(static_cast<USpoofChecker *>(spoof), text, length, result, &status);
    if (U_SUCCESS(status)) {
        *checks = bits & USPOOF_ALL_CHECKS;
        *restriction_level = uspoof_getCheckResultRestrictionLevel(result, &status);
    }
    uspoof_closeCheckResult(result);
    return status;
}

int32_t cicu_spoof_skeleton_utf8(void *spoof, const char *text, int32_t length, cicu_buffer *out) {
    if (text == nullptr) text = "";
    out->data = nullptr;
    out->size = 0;
    auto *sc = static_cast<USpoofChecker *>(spoof);
    UErrorCode status = U_ZERO_ERROR;
    std::string dest(static_cast<size_t>(length) * 2 + 16, '\0');
    int32_t n = uspoof_getSkeletonUTF8(sc, 0, text, length, dest.data(), static_cast<int32_t>(dest.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        dest.assign(static_cast<size_t>(n) + 1, '\0');
        n = uspoof_getSkeletonUTF8(sc, 0, text, length, dest.data(), static_cast<int32_t>(dest.size()), &status);
    }
    if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    if (U_FAILURE(status)) return status;
    dest.resize(static_cast<size_t>(n));
    return cicu::fill(out, dest);
}

int32_t cicu_spoof_restriction_level_bit(void) { return USPOOF_RESTRICTION_LEVEL; }
int32_t cicu_spoof_single_script_level(void) { return USPOOF_SINGLE_SCRIPT_RESTRICTIVE; }

} // extern "C"
