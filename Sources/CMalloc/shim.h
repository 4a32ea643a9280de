// glibc's malloc statistics (mallinfo2), for the benchmark's heap measurement.
#include <malloc.h>
