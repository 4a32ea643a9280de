// How many tests Swift Testing runs at once in this test process, set before its runner starts.
//
// Left unbounded, it starts every test at once: on a 2-core machine several hundred tests that each
// run a real server (event loops, worker threads, timeouts of a few seconds) were in flight together,
// the two threads of Swift's task pool were busy for a minute with CPU-bound tests, and tests that
// wait on the network timed out in a different place on every run. Sixteen at a time made the
// whole suite pass, and faster (84 s instead of 100-120 s). A value already in the environment wins,
// so `SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH=N swift test` still chooses.
#include <stdlib.h>
#include "parallelism.h"

__attribute__((constructor)) static void govtop_limit_test_parallelism(void) {
    setenv("SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH", "16", 0);
}

int govtop_test_parallelism_linked(void) { return 1; }
