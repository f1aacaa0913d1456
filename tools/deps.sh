#!/usr/bin/env bash
# Installs the Debian 12 packages news-search needs, when any is missing (run as root).
set -euo pipefail
packages=(
  g++ make cmake             # compiler and build
  libxapian-dev xapian-tools # the search library; xapian-delve/xapian-check for inspection and tests
  libicu-dev                 # Unicode normalisation, word boundaries, charset detection
  libboost-program-options-dev  # command-line options
  nlohmann-json3-dev         # JSON input, document data and output
  libsimdjson-dev            # reading JSON Lines records and stored articles (fast)
  libzstd-dev                # compressing the stored article
  libjemalloc-dev            # news-index's memory allocator (a sixth faster than glibc's)
  libgumbo-dev pkg-config    # HTML pages: the gumbo parser, found through pkg-config
  libcpp-httplib-dev         # news-serve's HTTP server (cpp-httplib 0.11, a shared library; found through pkg-config)
  catch2                     # unit tests
  scdoc                      # the man pages (docs/man/*.scd -> build/docs/man/*.1)
  python3                    # end-to-end test scripts and benchmarks
  bash-completion            # the completion's test runs with it as well as without (tests/completion)
  dpkg-dev file              # cpack -G DEB reads the package's dependencies with dpkg-shlibdeps, finding the binaries with file (tools/check-deb.sh, ctest deb_contents)
  xz-utils                   # tests unpack the shared corpora's .tar.xz with tar -J (not in a minimal Debian)
  chromium chromium-driver python3-selenium  # the page's test in a real browser (tests/browser): headless Chromium, its WebDriver, Selenium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "== installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# chromedriver reaches Chromium, and Selenium chromedriver, at "localhost": a bare root (a
# debootstrap chroot) may have no /etc/hosts to name it.
if ! getent hosts localhost >/dev/null; then
  echo "== /etc/hosts: adding localhost (127.0.0.1, ::1)"
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >> /etc/hosts
fi
