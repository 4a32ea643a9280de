#ifndef GOVTOP_CLIBFUZZER_H
#define GOVTOP_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by `-sanitize=fuzzer`): parses the libFuzzer flags in
/// argv and runs `callback` on every input. The fuzz targets call it from their `main`, because
/// SwiftPM links an executable's entry point under its own name, so libFuzzer's `main` is not used.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// The target's entry point, defined once by each fuzz target (`@_cdecl("LLVMFuzzerTestOneInput")`).
/// The driver passes this declaration: a Swift reference to the function from `main.swift` would
/// make a debug (per-file) build emit the C entry point in that file as well, and the link fail.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
