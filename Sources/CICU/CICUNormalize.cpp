// Normalizer2 over UTF-8, plus a fast "already normalized prefix" scan.
#include "CICUInternal.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

using icu::Normalizer2;

namespace {

const Normalizer2 *instance(int32_t form, UErrorCode &status) {
    switch (form) {
    case CICU_NFC: return Normalizer2::getNFCInstance(status);
    case CICU_NFD: return Normalizer2::getNFDInstance(status);
    case CICU_NFKC: return Normalizer2::getNFKCInstance(status);
    case CICU_NFKD: return Normalizer2::getNFKDInstance(status);
    case CICU_NFKC_CASEFOLD: return Normalizer2::getNFKCCasefoldInstance(status);
    default:
        if (U_SUCCESS(status)) status = U_ILLEGAL_ARGUMENT_ERROR;
        return nullptr;
    }
}

/// Code points below U+0800 (one- and two-byte UTF-8) that are normalized on their own and have a
/// normalization boundary before them, so any run of them is normalized and can be skipped byte-wise.
/// Derived from ICU's own data rather than hard-coded ranges, so it is right for every form.
struct FastTable {
    bool fast[0x800];
    bool allASCII; // every ASCII byte is fast: lets the scan skip 8 bytes at a time
};

FastTable makeTable(const Normalizer2 *n) {
    FastTable t{};
    t.allASCII = true;
    for (UChar32 c = 0; c < 0x800; ++c) {
        UErrorCode st = U_ZERO_ERROR;
        icu::UnicodeString s(c);
        bool ok = n->hasBoundaryBefore(c) && n->quickCheck(s, st) == UNORM_YES && U_SUCCESS(st);
        t.fast[c] = ok;
        if (c < 0x80 && !ok) t.allASCII = false;
    }
    return t;
}

const FastTable *table(int32_t form, const Normalizer2 *n) {
    // Function-local statics: built once, thread-safe initialization.
    switch (form) {
    case CICU_NFC: { static const FastTable t = makeTable(n); return &t; }
    case CICU_NFD: { static const FastTable t = makeTable(n); return &t; }
    case CICU_NFKC: { static const FastTable t = makeTable(n); return &t; }
    case CICU_NFKD: { static const FastTable t = makeTable(n); return &t; }
    default: { static const FastTable t = makeTable(n); return &t; }
    }
}

constexpr int32_t kChunkBytes = 4096;

/// ICU quick check on one chunk starting at a normalization boundary `start`.
/// Returns the new prefix end; sets `resume` when the whole chunk passed but was cut by the size limit,
/// so the caller can continue from that boundary.
int64_t slowChunk(const Normalizer2 *n, const uint8_t *s, int64_t length, int64_t start, bool &resume,
                  UErrorCode &status) {
    resume = false;
    UChar units[kChunkBytes + 8];
    int32_t offsets[kChunkBytes + 8]; // UTF-8 offset (relative to start) of each UTF-16 index
    int32_t count = 0;
    int64_t limit = length - start < kChunkBytes ? length : start + kChunkBytes;
    int32_t i = 0;
    const int32_t avail = static_cast<int32_t>(limit - start);
    const uint8_t *p = s + start;
    enum { kEnd, kInvalid, kSize } reason = (limit == length) ? kEnd : kSize;
    while (i < avail) {
        int32_t before = i;
        UChar32 c;
        // Allow reading the rest of a scalar that straddles the chunk limit.
        int32_t readLimit = static_cast<int32_t>((length - start) < (avail + 3) ? (length - start) : (avail + 3));
        U8_NEXT(p, i, readLimit, c);
        if (c < 0) {
            i = before;
            reason = kInvalid;
            break;
        }
        offsets[count] = before;
        if (U_IS_BMP(c)) {
            units[count++] = static_cast<UChar>(c);
        } else {
            offsets[count + 1] = before;
            units[count++] = U16_LEAD(c);
            units[count++] = U16_TRAIL(c);
        }
    }
    offsets[count] = i;
    if (reason == kSize && start + i >= length) reason = kEnd;

    icu::UnicodeString chunk(false, units, count); // read-only alias, no copy
    int32_t end16 = n->spanQuickCheckYes(chunk, status);
    if (U_FAILURE(status)) return start;
    if (end16 < count) return start + offsets[end16];
    if (reason == kEnd) return length;
    if (reason == kInvalid) return start + i; // the ill-formed byte becomes U+FFFD, which starts a segment
    // Cut by the size limit: back off to the last boundary inside the chunk so the next character
    // cannot change the part we accept.
    int32_t k = count;
    while (k > 0) {
        UChar32 c;
        U16_PREV(units, 0, k, c);
        if (k > 0 && n->hasBoundaryBefore(c)) {
            resume = true;
            return start + offsets[k];
        }
    }
    return start; // no boundary in a whole chunk (pathological run of marks): stop here
}

} // namespace

extern "C" {

int32_t cicu_norm_check(int32_t form) {
    UErrorCode status = U_ZERO_ERROR;
    instance(form, status);
    return status;
}

int32_t cicu_norm_normalize_utf8(int32_t form, const uint8_t *src, int32_t length, uint8_t *dest,
                                 int32_t capacity, int32_t *required) {
    UErrorCode status = U_ZERO_ERROR;
    *required = 0;
    const Normalizer2 *n = instance(form, status);
    if (U_FAILURE(status)) return status;
    icu::CheckedArrayByteSink sink(reinterpret_cast<char *>(dest), capacity);
    n->normalizeUTF8(0, icu::StringPiece(reinterpret_cast<const char *>(src), length), sink, nullptr, status);
    if (U_FAILURE(status)) return status;
    *required = sink.NumberOfBytesAppended();
    return sink.Overflowed() ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
}

int32_t cicu_norm_is_normalized_utf8(int32_t form, const uint8_t *src, int32_t length, bool *result) {
    UErrorCode status = U_ZERO_ERROR;
    *result = false;
    const Normalizer2 *n = instance(form, status);
    if (U_FAILURE(status)) return status;
    *result = n->isNormalizedUTF8(icu::StringPiece(reinterpret_cast<const char *>(src), length), status);
    return status;
}

int32_t cicu_norm_normalized_prefix_utf8(int32_t form, const uint8_t *s, int64_t length, int64_t *result) {
    UErrorCode status = U_ZERO_ERROR;
    *result = 0;
    const Normalizer2 *n = instance(form, status);
    if (U_FAILURE(status)) return status;
    const FastTable *t = table(form, n);

    int64_t pos = 0;
    int64_t safe = 0; // a normalization boundary; everything before it is normalized
    for (;;) {
        // Fast scan over characters that are normalized and start a segment on their own.
        while (pos < length) {
            uint8_t b = s[pos];
            if (b < 0x80) {
                if (t->allASCII) {
                    while (pos + 8 <= length) {
                        uint64_t w;
                        std::memcpy(&w, s + pos, 8);
                        if (w & 0x8080808080808080ULL) break;
                        pos += 8;
                        safe = pos - 1;
                    }
                    if (pos >= length) break;
                    b = s[pos];
                    if (b >= 0x80) continue;
                }
                if (!t->fast[b]) break;
                safe = pos;
                pos += 1;
            } else if ((b & 0xE0) == 0xC0 && b >= 0xC2 && pos + 1 < length && (s[pos + 1] & 0xC0) == 0x80) {
                UChar32 c = ((b & 0x1F) << 6) | (s[pos + 1] & 0x3F);
                if (!t->fast[c]) break;
                safe = pos;
                pos += 2;
            } else {
                break;
            }
        }
        if (pos >= length) {
            *result = length;
            return U_ZERO_ERROR;
        }
        // The last fast character may combine with what follows, so ICU decides from its start.
        bool resume = false;
        int64_t end = slowChunk(n, s, length, safe, resume, status);
        if (U_FAILURE(status)) return status;
        if (!resume) {
            *result = end;
            return U_ZERO_ERROR;
        }
        safe = pos = end;
    }
}

} // extern "C"
