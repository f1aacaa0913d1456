#!/usr/bin/env bash
# Prints "corpus md5 lines" for the `news-index --extract` output of every corpus found, so
# that two builds can be compared byte for byte (a refactoring must leave every line equal).
#
#   tests/bench/extract_md5.sh BUILD_DIR [OUT_DIR]
#
# Corpora: the bundled corpus/, and from ../shared/corpora (NEWS_SHARED_DIR to override)
# PolNeAR (with its metadata.tsv as manifest), Reuters-21578, BBC full text, SogouCS mini and
# Cranfield. The packed ones are unpacked once under $NEWS_CORPUS_TMP (default /tmp/spk-corp);
# absent corpora are skipped. With OUT_DIR, each corpus's output is kept as OUT_DIR/NAME.jsonl
# (for a diff when an md5 differs). Runs with --jobs 1 at low priority.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: extract_md5.sh BUILD_DIR [OUT_DIR]}
out=${2:-}
index=$(cd "$build" && pwd)/indexer/news-index
shared=${NEWS_SHARED_DIR:-$root/../shared}/corpora
tmp=${NEWS_CORPUS_TMP:-/tmp/spk-corp}
[[ -x $index ]] || { echo "no $index" >&2; exit 2; }
[[ -n $out ]] && mkdir -p "$out"

# unpack TARBALL DIR: unpack TARBALL into $tmp unless DIR already exists there.
unpack() {
  [[ -f $1 ]] || return 1
  [[ -d $tmp/$2 ]] || { mkdir -p "$tmp" && tar -xJf "$1" -C "$tmp"; }
}

# run NAME ARGS...: --extract ARGS, print the md5 and the line count of the output.
run() {
  local name=$1
  shift
  local file
  file=$(mktemp)
  nice "$index" --extract --jobs 1 --progress never "$@" >"$file" 2>/dev/null || true
  printf '%-10s %s %s\n' "$name" "$(md5sum <"$file" | cut -d' ' -f1)" "$(wc -l <"$file")"
  if [[ -n $out ]]; then mv "$file" "$out/$name.jsonl"; else rm -f "$file"; fi
}

run bundled "$root/corpus"
if [[ -f $shared/polnear/metadata.tsv ]]; then
  run polnear --manifest "$shared/polnear/metadata.tsv" "$shared/polnear/train/text" "$shared/polnear/dev/text"
fi
unpack "$shared/reuters21578/reuters21578.tar.xz" reuters21578 && run reuters "$tmp/reuters21578"
unpack "$shared/bbc-fulltext/bbc-fulltext.tar.xz" bbc && run bbc "$tmp/bbc"
unpack "$shared/sogoucs-mini-zh/sogoucs-mini.tar.xz" sogoucs-mini && run sogoucs "$tmp/sogoucs-mini"
unpack "$shared/cranfield/cranfield.tar.xz" cran && run cranfield "$tmp/cran"
exit 0
