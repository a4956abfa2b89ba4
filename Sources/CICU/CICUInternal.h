// Private helpers shared by the shim's .cpp files (never seen by Swift).
#ifndef CICU_INTERNAL_H
#define CICU_INTERNAL_H

#include "CICU.h"

#include <unicode/utypes.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace cicu {

/// Hands `size` bytes to Swift in a malloc'd cicu_buffer (freed by cicu_buffer_free).
inline UErrorCode fill(cicu_buffer *out, const void *data, size_t size) {
    out->data = nullptr;
    out->size = 0;
    void *copy = std::malloc(size == 0 ? 1 : size);
    if (copy == nullptr) return U_MEMORY_ALLOCATION_ERROR;
    if (size > 0) std::memcpy(copy, data, size);
    out->data = copy;
    out->size = static_cast<int64_t>(size);
    return U_ZERO_ERROR;
}

inline UErrorCode fill(cicu_buffer *out, const std::string &s) { return fill(out, s.data(), s.size()); }

} // namespace cicu

#endif
