// The names of the converters ICU offers (ucnv_countAvailable), for `copydesk encodings`.
#include "CICUInternal.h"

#include <unicode/ucnv.h>

extern "C" {

int32_t cicu_conv_count_available(void) {
    return ucnv_countAvailable();
}

const char *cicu_conv_available_name(int32_t index) {
    return ucnv_getAvailableName(index);
}

const char *cicu_conv_standard_name(const char *charset, const char *standard) {
    UErrorCode status = U_ZERO_ERROR;
    const char *name = ucnv_getStandardName(charset, standard, &status);
    return U_SUCCESS(status) ? name : nullptr;
}

} // extern "C"
