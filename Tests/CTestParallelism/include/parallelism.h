#ifndef GOVTOP_TEST_PARALLELISM_H
#define GOVTOP_TEST_PARALLELISM_H
/// Referenced by the test support so the linker keeps this file (and its constructor).
int govtop_test_parallelism_linked(void);
#endif
