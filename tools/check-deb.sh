#!/usr/bin/env bash
# The Debian package, as a user gets it (issue 17): installs what building it needs (tools/deps.sh;
# dpkg-dev for dpkg-shlibdeps), builds the programs and `cpack -G DEB` in build-deb/, installs the
# package with apt, then from /tmp: news-index with no path (the bundled corpus, found under
# /usr/share/news-search/corpus) into a new database, a few searches, --version, the man pages
# and the completion; then apt removes it and checks that none of the files and folders of its
# own that dpkg -L listed remain. Run as root, best on a fresh Debian 12 root:
#   ../shared/tools/fresh-machine.sh . 'bash tools/check-deb.sh'
# Several minutes (a whole build): not part of every CI run, which checks the package's
# contents instead (ctest deb_contents).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh
export DEBIAN_FRONTEND=noninteractive
cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DNEWS_BUILD_TESTS=OFF >/dev/null
cmake --build build-deb -j"$(nproc)"
(cd build-deb && cpack -G DEB >/dev/null)
deb=$(ls "$PWD"/build-deb/news-search_*.deb)
echo "== package: $deb"
dpkg-deb -I "$deb" | grep -E "^ (Package|Version|Depends):"
apt-get install -y -qq "$deb" >/dev/null
listed=$(dpkg -L news-search)
fail() { echo "check-deb: $*" >&2; exit 1; }
cd /tmp
rm -rf /tmp/check-deb.db
for p in news-index news-search news-serve; do
  [ "$(command -v $p)" = "/usr/bin/$p" ] || fail "$p is not /usr/bin/$p"
  $p --version | grep -q "^$p " || fail "$p --version"
done
news-index --progress never --db /tmp/check-deb.db || fail "news-index with no path"
n=$(news-search --db /tmp/check-deb.db --count '')
[ "$n" -ge 40 ] || fail "the bundled corpus indexed from /usr/share: $n articles"
news-search --db /tmp/check-deb.db drought | head -3
[ "$(news-search --db /tmp/check-deb.db --count drought)" -gt 0 ] || fail "a search finds nothing"
out=$(news-search --db /tmp/check-deb.db --json drougth || true)  # (no results: exit 1)
grep -q '"suggestion"' <<< "$out" || fail "did you mean"
for m in news-index news-search news-serve; do
  [ -f "/usr/share/man/man1/$m.1.gz" ] || [ -f "/usr/share/man/man1/$m.1" ] || fail "no man page $m(1)"
  [ -f "/usr/share/bash-completion/completions/$m" ] || fail "no bash completion for $m"
done
[ -f /usr/share/news-search/web/index.html ] || fail "no web page"
apt-get remove -y -qq news-search >/dev/null
left=0
while IFS= read -r p; do
  case "$p" in
    /usr/share/news-search*|/usr/share/doc/news-search*|/usr/bin/news-*|/usr/share/man/man1/news-*|/usr/share/bash-completion/completions/news-*)
      if [ -e "$p" ]; then echo "check-deb: left after apt remove: $p" >&2; left=1; fi ;;
  esac
done <<< "$listed"
[ "$left" = 0 ] || exit 1
echo "check-deb: installed, used from /tmp and removed cleanly ($(echo "$listed" | wc -l) paths)"
