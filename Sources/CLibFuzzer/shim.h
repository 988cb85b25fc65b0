#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer). SwiftPM makes a Swift
   executable's top-level code its main(), in place of libFuzzer's own, so each fuzz target
   starts the driver itself with its LLVMFuzzerTestOneInput. */
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*test_one_input)(const uint8_t *data, size_t size));

/* LeakSanitizer (compiler-rt, linked by -sanitize=address): what is allocated between these
   two calls is never reported as a leak. A target that sets up something once for all inputs
   (a rule set) wraps that in them: Swift stores some references with tag bits in their spare
   bits, which the leak scan does not read as pointers. */
void __lsan_disable(void);
void __lsan_enable(void);
