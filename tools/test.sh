#!/usr/bin/env bash
# Set up, build in Release and run the whole test suite (unit, end-to-end, and the
# checks on ../shared, which are skipped when it is absent); then the same suite built
# with AddressSanitizer and UndefinedBehaviorSanitizer (tools/test-sanitize.sh); then every
# libFuzzer target (the code that reads untrusted text: readers, extraction, query parser,
# analyzer) for FUZZ_SECONDS each (default 60), two at a time (tests/fuzz/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
(cd build && ctest --output-on-failure -j"$(nproc)")
bash tools/test-sanitize.sh
FUZZ_JOBS=${FUZZ_JOBS:-$(nproc)} bash tests/fuzz/run "${FUZZ_SECONDS:-60}"
