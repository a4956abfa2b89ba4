// Error names, version, and buffer ownership for the shim.
#include "CICUInternal.h"

#include <unicode/uversion.h>

extern "C" {

const char *cicu_error_name(int32_t code) { return u_errorName(static_cast<UErrorCode>(code)); }

void cicu_version(char *buffer, int32_t capacity) {
    if (capacity <= 0) return;
    UVersionInfo info;
    u_getVersion(info);
    char text[U_MAX_VERSION_STRING_LENGTH + 1] = {0};
    u_versionToString(info, text);
    std::strncpy(buffer, text, static_cast<size_t>(capacity) - 1);
    buffer[capacity - 1] = 0;
}

void cicu_buffer_free(cicu_buffer *buffer) {
    if (buffer == nullptr) return;
    std::free(buffer->data);
    buffer->data = nullptr;
    buffer->size = 0;
}

} // extern "C"
