// Charset detection (ucsdet) and conversion (ucnv).
#include "CICUInternal.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <vector>

namespace {

void copyName(char *dest, size_t capacity, const char *src) {
    if (src == nullptr) src = "";
    std::strncpy(dest, src, capacity - 1);
    dest[capacity - 1] = 0;
}

struct DecodeContext {
    const char *start;
    const char *limit;
    std::vector<int64_t> offsets;
};

/// Replaces each unconvertible sequence by U+FFFD (ICU's own substitute may be U+001A) and records
/// where it started in the input.
void U_CALLCONV recordingToUCallback(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                               int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
    (void)codeUnits;
    if (reason > UCNV_IRREGULAR) return; // reset/close/clone notifications
    auto *ctx = static_cast<DecodeContext *>(const_cast<void *>(context));
    const char *src = args->source;
    int64_t offset = -1;
    if (src >= ctx->start && src <= ctx->limit) offset = static_cast<int64_t>(src - ctx->start) - length;
    if (offset < 0) offset = 0;
    ctx->offsets.push_back(offset);
    *err = U_ZERO_ERROR;
    static const UChar replacement = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
}

} // namespace

extern "C" {

int32_t cicu_csdet_detect_all(const char *bytes, int32_t length, cicu_charset_match *out, int32_t capacity,
                              int32_t *count) {
    if (bytes == nullptr) bytes = "";
    *count = 0;
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *csd = ucsdet_open(&status);
    if (U_FAILURE(status)) return status;
    ucsdet_setText(csd, bytes, length, &status);
    int32_t found = 0;
    const UCharsetMatch **matches = U_SUCCESS(status) ? ucsdet_detectAll(csd, &found, &status) : nullptr;
    if (U_SUCCESS(status)) {
        for (int32_t i = 0; i < found && *count < capacity; ++i) {
            cicu_charset_match &m = out[*count];
            copyName(m.name, sizeof m.name, ucsdet_getName(matches[i], &status));
            copyName(m.language, sizeof m.language, ucsdet_getLanguage(matches[i], &status));
            m.confidence = ucsdet_getConfidence(matches[i], &status);
            if (U_FAILURE(status)) break;
            ++*count;
        }
    }
    ucsdet_close(csd);
    return status;
}

int32_t cicu_conv_decode(const char *charset, const char *bytes, int32_t length, cicu_buffer *out,
                         cicu_buffer *invalid_offsets) {
    if (bytes == nullptr) bytes = "";
    out->data = invalid_offsets->data = nullptr;
    out->size = invalid_offsets->size = 0;
    if (charset == nullptr || *charset == 0) return U_ILLEGAL_ARGUMENT_ERROR;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return status;

    DecodeContext ctx{bytes, bytes + length, {}};
    ucnv_setToUCallBack(cnv, recordingToUCallback, &ctx, nullptr, nullptr, &status);

    std::vector<UChar> utf16(static_cast<size_t>(length) + 16);
    UChar *target = utf16.data();
    const char *source = bytes;
    while (U_SUCCESS(status)) {
        UChar *limit = utf16.data() + utf16.size();
        ucnv_toUnicode(cnv, &target, limit, &source, bytes + length, nullptr, true, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR) break;
        status = U_ZERO_ERROR;
        size_t used = static_cast<size_t>(target - utf16.data());
        utf16.resize(utf16.size() * 2);
        target = utf16.data() + used;
    }
    ucnv_close(cnv);
    if (U_FAILURE(status)) return status;

    int32_t units = static_cast<int32_t>(target - utf16.data());
    int32_t needed = 0;
    u_strToUTF8(nullptr, 0, &needed, utf16.data(), units, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) status = U_ZERO_ERROR;
    if (U_FAILURE(status)) return status;
    std::string utf8(static_cast<size_t>(needed), '\0');
    u_strToUTF8(utf8.data(), needed, nullptr, utf16.data(), units, &status);
    if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    if (U_FAILURE(status)) return status;

    status = cicu::fill(out, utf8);
    if (U_FAILURE(status)) return status;
    status = cicu::fill(invalid_offsets, ctx.offsets.data(), ctx.offsets.size() * sizeof(int64_t));
    if (U_FAILURE(status)) cicu_buffer_free(out);
    return status;
}

int32_t cicu_conv_encode(const char *charset, const char *text, int32_t length, cicu_buffer *out) {
    if (text == nullptr) text = "";
    out->data = nullptr;
    out->size = 0;
    if (charset == nullptr || *charset == 0) return U_ILLEGAL_ARGUMENT_ERROR;
    UErrorCode status = U_ZERO_ERROR;
    std::vector<UChar> utf16(static_cast<size_t>(length) + 1);
    int32_t units = 0;
    u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &units, text, length, &status);
    if (U_FAILURE(status)) return status;
    status = U_ZERO_ERROR;

    UConverter *cnv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return status;
    ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    int64_t capacity64 = UCNV_GET_MAX_BYTES_FOR_STRING(static_cast<int64_t>(units), ucnv_getMaxCharSize(cnv));
    if (capacity64 > INT32_MAX) {
        ucnv_close(cnv);
        return U_INDEX_OUTOFBOUNDS_ERROR;
    }
    std::string bytes(static_cast<size_t>(capacity64), '\0');
    int32_t written = ucnv_fromUChars(cnv, bytes.data(), static_cast<int32_t>(capacity64), utf16.data(), units,
                                      &status);
    ucnv_close(cnv);
    if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    if (U_FAILURE(status)) return status;
    bytes.resize(static_cast<size_t>(written));
    return cicu::fill(out, bytes);
}

bool cicu_conv_is_known(const char *charset) {
    if (charset == nullptr || *charset == 0) return false;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &status);
    if (cnv != nullptr) ucnv_close(cnv);
    return U_SUCCESS(status);
}

} // extern "C"
