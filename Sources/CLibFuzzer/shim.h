#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer). SwiftPM makes a Swift
   executable's top-level code its main(), in place of libFuzzer's own, so each fuzz target
   starts the driver itself with its LLVMFuzzerTestOneInput. */
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*test_one_input)(const uint8_t *data, size_t size));
