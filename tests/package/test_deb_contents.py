#!/usr/bin/env python3
"""The Debian package's contents (issue 17): `cpack -G DEB` of this build folder, into a
scratch folder, holds the three programs under /usr/bin, the whole bundled corpus under
/usr/share/news-search/corpus, the web page, the man pages and the bash completion, and
declares its library dependencies (dpkg-shlibdeps). Installing it with apt on a fresh Debian 12
root and removing it again is tools/check-deb.sh (a whole build: run by hand, not in every CI
run). Skipped (77) without cpack or dpkg-deb.

usage: test_deb_contents.py BUILD_DIR SOURCE_DIR"""
import os
import shutil
import subprocess
import sys
import tempfile

build, source = sys.argv[1], sys.argv[2]
if not all(shutil.which(p) for p in ("cpack", "dpkg-deb", "dpkg-shlibdeps", "file")):
    print("SKIP: cpack, dpkg-deb, dpkg-shlibdeps (dpkg-dev) or file missing")
    sys.exit(77)
failures = 0


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print(f"FAIL: {what}")


with tempfile.TemporaryDirectory(prefix="news-deb-") as out:
    r = subprocess.run(["cpack", "-G", "DEB", "--config", os.path.join(build, "CPackConfig.cmake"), "-B", out],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(f"FAIL: cpack: {r.stdout[-1500:]} {r.stderr[-1500:]}")
        sys.exit(1)
    debs = [f for f in os.listdir(out) if f.endswith(".deb")]
    check(len(debs) == 1, f"one package: {debs}")
    deb = os.path.join(out, debs[0])
    info = subprocess.run(["dpkg-deb", "-f", deb, "Package", "Version", "Depends"], capture_output=True, text=True).stdout
    check("Package: news-search" in info, f"the package's name: {info!r}")
    for lib in ("libxapian30", "libicu72", "libboost-program-options1.74.0", "libzstd1"):
        check(lib in info, f"Depends names {lib} (dpkg-shlibdeps): {info!r}")
    listing = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True).stdout
    files = {line.split()[-1].lstrip(".") for line in listing.splitlines() if line and not line.endswith("/")}
    for p in ("news-index", "news-search", "news-serve"):
        check(f"/usr/bin/{p}" in files, f"/usr/bin/{p}")
    corpus = set()
    for d, _, names in os.walk(os.path.join(source, "corpus")):
        for n in names:
            corpus.add("/usr/share/news-search/corpus/" + os.path.relpath(os.path.join(d, n), os.path.join(source, "corpus")))
    missing = corpus - files
    check(not missing, f"the whole bundled corpus ({len(corpus)} files): missing {sorted(missing)[:5]}")
    for w in os.listdir(os.path.join(source, "web")):
        check(f"/usr/share/news-search/web/{w}" in files, f"the page's {w}")
    for m in ("news-index", "news-search", "news-serve"):
        check(any(f.startswith(f"/usr/share/man/man1/{m}.1") for f in files), f"the man page {m}(1)")
        check(f"/usr/share/bash-completion/completions/{m}" in files or
              any(line.split()[-3:-2] == [f"./usr/share/bash-completion/completions/{m}"] for line in listing.splitlines()),
              f"the bash completion of {m}")
    check(not any("/tests/" in f or f.endswith(".a") or "/include/" in f for f in files), "no tests, libraries or headers")
    print(f"{len(files)} files; {info.strip()}")
sys.exit(1 if failures else 0)
