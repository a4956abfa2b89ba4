/*
 * The naive ICU round trip the issue compares `copydesk normalize` with: read the whole file,
 * UTF-8 -> UTF-16 (u_strFromUTF8), NFC (unorm2_normalize), UTF-16 -> UTF-8 (u_strToUTF8), write
 * it to standard output. No quick check, no skipping of text that needs no work.
 *
 *   cc -O2 -o naive-icu-nfc naive-icu-nfc.c -licuuc     (Debian: libicu-dev)
 *   naive-icu-nfc FILE > OUT
 */
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: naive-icu-nfc FILE\n"); return 2; }
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 2; }
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *bytes = malloc(size > 0 ? size : 1);
    if (!bytes || fread(bytes, 1, size, in) != (size_t)size) { perror(argv[1]); return 2; }
    fclose(in);

    UErrorCode status = U_ZERO_ERROR;
    int32_t length16 = 0;
    u_strFromUTF8(NULL, 0, &length16, bytes, (int32_t)size, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) { fprintf(stderr, "%s\n", u_errorName(status)); return 1; }
    status = U_ZERO_ERROR;
    UChar *text = malloc(sizeof(UChar) * (length16 + 1));
    u_strFromUTF8(text, length16 + 1, NULL, bytes, (int32_t)size, &status);
    free(bytes);
    if (U_FAILURE(status)) { fprintf(stderr, "%s\n", u_errorName(status)); return 1; }

    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    int32_t capacity = length16 + length16 / 2 + 16;
    UChar *normalized = malloc(sizeof(UChar) * capacity);
    int32_t normalizedLength = unorm2_normalize(nfc, text, length16, normalized, capacity, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "%s\n", u_errorName(status)); return 1; }
    free(text);

    int32_t length8 = 0;
    u_strToUTF8(NULL, 0, &length8, normalized, normalizedLength, &status);
    status = U_ZERO_ERROR;
    char *out = malloc(length8 + 1);
    u_strToUTF8(out, length8 + 1, NULL, normalized, normalizedLength, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "%s\n", u_errorName(status)); return 1; }
    fwrite(out, 1, length8, stdout);
    free(normalized);
    free(out);
    return 0;
}
