#!/usr/bin/env bash
# Set up, build in Release, index the bundled corpus/ into ./news.db and run example searches.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
index=./build/indexer/news-index search=./build/searcher/news-search
export NEWS_DB="${NEWS_DB:-$PWD/news.db}"
echo "== news-index (corpus/ -> $NEWS_DB)"
"$index"
for q in 'fentanyl precursors' '"port strike"' 'speaker:oyelaran' 'speaker:brandt quote:wells' \
         'source:"capital wire" date:2023' 'drought -california' 'title:(vaccine OR trial)' 'place:lisbon'; do
  echo; echo "== news-search '$q'"
  "$search" -n 3 -- "$q" || true
done
echo; echo "== news-search --json -n 1 'speaker:oyelaran'"
"$search" --json -n 1 -- 'speaker:oyelaran' || true
