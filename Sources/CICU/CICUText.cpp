// Transliteration and text segmentation.
#include "CICUInternal.h"

#include <unicode/brkiter.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <vector>

extern "C" {

int32_t cicu_translit_open(const char *id, int32_t id_length, void **out) {
    *out = nullptr;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError;
    icu::UnicodeString uid = icu::UnicodeString::fromUTF8(icu::StringPiece(id, id_length));
    icu::Transliterator *t = icu::Transliterator::createInstance(uid, UTRANS_FORWARD, parseError, status);
    if (U_FAILURE(status)) {
        delete t;
        return status;
    }
    if (t == nullptr) return U_INVALID_ID;
    *out = t;
    return status;
}

void cicu_translit_close(void *translit) { delete static_cast<icu::Transliterator *>(translit); }

int32_t cicu_translit_run(void *translit, const char *text, int32_t length, cicu_buffer *out) {
    if (text == nullptr) text = "";
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text, length));
    static_cast<icu::Transliterator *>(translit)->transliterate(s);
    std::string result;
    s.toUTF8String(result);
    return cicu::fill(out, result);
}

int32_t cicu_brk_open(int32_t kind, const char *locale, void **out) {
    *out = nullptr;
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc(locale);
    icu::BreakIterator *bi = nullptr;
    switch (kind) {
    case CICU_BREAK_WORD: bi = icu::BreakIterator::createWordInstance(loc, status); break;
    case CICU_BREAK_SENTENCE: bi = icu::BreakIterator::createSentenceInstance(loc, status); break;
    case CICU_BREAK_LINE: bi = icu::BreakIterator::createLineInstance(loc, status); break;
    case CICU_BREAK_CHARACTER: bi = icu::BreakIterator::createCharacterInstance(loc, status); break;
    default: return U_ILLEGAL_ARGUMENT_ERROR;
    }
    if (U_FAILURE(status)) {
        delete bi;
        return status;
    }
    *out = bi;
    return status;
}

void cicu_brk_close(void *brk) { delete static_cast<icu::BreakIterator *>(brk); }

int32_t cicu_brk_boundaries_utf8(void *brk, const char *text, int32_t length, cicu_buffer *out) {
    if (text == nullptr) text = "";
    auto *bi = static_cast<icu::BreakIterator *>(brk);
    UErrorCode status = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(nullptr, text, length, &status);
    if (U_FAILURE(status)) return status;
    bi->setText(ut, status);
    std::vector<int32_t> pairs;
    if (U_SUCCESS(status)) {
        pairs.push_back(bi->first());
        pairs.push_back(0);
        for (int32_t p = bi->next(); p != icu::BreakIterator::DONE; p = bi->next()) {
            pairs.push_back(p);
            pairs.push_back(bi->getRuleStatus());
        }
    }
    // Point the iterator at static empty text so it keeps no reference to the caller's buffer.
    UErrorCode resetStatus = U_ZERO_ERROR;
    static const char empty[1] = {0};
    UText *none = utext_openUTF8(nullptr, empty, 0, &resetStatus);
    bi->setText(none, resetStatus);
    utext_close(none);
    utext_close(ut);
    if (U_FAILURE(status)) return status;
    return cicu::fill(out, pairs.data(), pairs.size() * sizeof(int32_t));
}

} // extern "C"
