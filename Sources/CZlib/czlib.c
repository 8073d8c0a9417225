#include "czlib.h"
#include <zlib.h>

int czlib_compress(const uint8_t *input, size_t input_length, uint8_t *output, size_t *output_length) {
    uLongf length = (uLongf)*output_length;
    int status = compress2(output, &length, input, (uLong)input_length, Z_DEFAULT_COMPRESSION);
    *output_length = (size_t)length;
    return status == Z_OK ? 0 : status;
}

int czlib_uncompress(const uint8_t *input, size_t input_length, uint8_t *output, size_t *output_length) {
    uLongf length = (uLongf)*output_length;
    int status = uncompress(output, &length, input, (uLong)input_length);
    *output_length = (size_t)length;
    return status == Z_OK ? 0 : status;
}

size_t czlib_compress_bound(size_t input_length) {
    return (size_t)compressBound((uLong)input_length);
}
