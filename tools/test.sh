#!/usr/bin/env bash
# Set up, build in Release and run the whole test suite (unit, end-to-end, and the
# checks on ../shared, which are skipped when it is absent); then the same suite built
# with AddressSanitizer and UndefinedBehaviorSanitizer (tools/test-sanitize.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
(cd build && ctest --output-on-failure -j"$(nproc)")
bash tools/test-sanitize.sh
