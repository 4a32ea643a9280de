#ifndef GOVTOP_CZLIB_SHIM_H
#define GOVTOP_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit2/inflateInit2 are macros; Swift cannot call them directly.
static inline int govtop_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
static inline int govtop_deflateInit2(z_streamp strm, int level, int windowBits) {
    return deflateInit2(strm, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
