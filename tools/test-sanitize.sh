#!/usr/bin/env bash
# Builds everything in Debug with AddressSanitizer + UndefinedBehaviorSanitizer (NEWS_SANITIZE)
# in build-asan/ and runs the whole ctest suite under them. Any report fails the run:
# ASan aborts on the first error and checks for leaks at exit; UBSan halts on the first
# error (the code is also built with -fno-sanitize-recover=undefined).
#   tools/test-sanitize.sh [ctest arguments...]    e.g. -L unit
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh
start=$SECONDS
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNEWS_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
# The flags must have reached every one of our targets (libraries, programs, unit tests).
for f in build-asan/common/CMakeFiles/news_common.dir/flags.make \
         build-asan/indexer/CMakeFiles/news_indexer.dir/flags.make \
         build-asan/indexer/CMakeFiles/news-index.dir/flags.make \
         build-asan/searcher/CMakeFiles/news_searcher.dir/flags.make \
         build-asan/searcher/CMakeFiles/news-search.dir/flags.make \
         build-asan/tests/CMakeFiles/news_unit_tests.dir/flags.make; do
  if [[ -f $f ]] && ! grep -q -- '-fsanitize=address,undefined' "$f"; then
    echo "test-sanitize: $f is not built with the sanitizers" >&2
    exit 1
  fi
done
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}
cd build-asan
status=0
ctest --output-on-failure -j"$(nproc)" "$@" || status=$?
echo "test-sanitize: $((SECONDS - start)) s (build and tests), ctest exit status $status"
exit $status
