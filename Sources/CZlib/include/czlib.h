#ifndef CZLIB_H
#define CZLIB_H

#include <stddef.h>
#include <stdint.h>

/// zlib-format (RFC 1950) compression at the default level, as java.util.zip.Deflater writes it.
/// `output_length` holds the buffer's size on entry and the compressed size on return. 0 on success.
int czlib_compress(const uint8_t *input, size_t input_length, uint8_t *output, size_t *output_length);

/// The inverse; `output_length` as above. 0 on success.
int czlib_uncompress(const uint8_t *input, size_t input_length, uint8_t *output, size_t *output_length);

/// An upper bound of the compressed size of `input_length` bytes.
size_t czlib_compress_bound(size_t input_length);

#endif
