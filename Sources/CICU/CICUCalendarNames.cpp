// Locale data for reading numbers and dates in text: month names (DateFormatSymbols) and the
// decimal and grouping separators (DecimalFormatSymbols).
#include "CICUInternal.h"

#include <unicode/dcfmtsym.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

extern "C" {

int32_t cicu_month_names(const char *locale, int32_t context, int32_t width, cicu_buffer *out) {
    out->data = nullptr;
    out->size = 0;
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(icu::Locale(locale), status);
    if (U_FAILURE(status)) return status;
    auto icuContext = context == CICU_MONTHS_STANDALONE ? icu::DateFormatSymbols::STANDALONE
                                                        : icu::DateFormatSymbols::FORMAT;
    icu::DateFormatSymbols::DtWidthType icuWidth = icu::DateFormatSymbols::WIDE;
    if (width == CICU_MONTHS_ABBREVIATED) icuWidth = icu::DateFormatSymbols::ABBREVIATED;
    if (width == CICU_MONTHS_NARROW) icuWidth = icu::DateFormatSymbols::NARROW;
    int32_t count = 0;
    const icu::UnicodeString *names = symbols.getMonths(count, icuContext, icuWidth);
    std::string joined;
    for (int32_t i = 0; i < count && i < 12; ++i) {
        if (i > 0) joined.push_back('\n');
        names[i].toUTF8String(joined);
    }
    return cicu::fill(out, joined);
}

int32_t cicu_number_symbols(const char *locale, char *decimal, char *grouping, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    icu::DecimalFormatSymbols symbols(icu::Locale(locale), status);
    if (U_FAILURE(status)) return status;
    std::string d, g;
    symbols.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol).toUTF8String(d);
    symbols.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol).toUTF8String(g);
    if (static_cast<int32_t>(d.size()) >= capacity || static_cast<int32_t>(g.size()) >= capacity) {
        return U_BUFFER_OVERFLOW_ERROR;
    }
    std::memcpy(decimal, d.c_str(), d.size() + 1);
    std::memcpy(grouping, g.c_str(), g.size() + 1);
    return U_ZERO_ERROR;
}

} // extern "C"
