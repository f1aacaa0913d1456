"""The man pages against the programs (test man_options).

For news-index, news-search and news-serve: every option that `PROGRAM --help` lists (long and
short forms) must be documented in the OPTIONS section of docs/man/PROGRAM.1.scd, and every
option documented there must be one that --help lists; a difference fails, naming the options.
Then each built page (build/docs/man/PROGRAM.1) must render with `man -l`, exit 0 and without
warnings; that part is skipped, saying so, when `man` is absent or scdoc was not found at
configure time (the pages are then not built).

Run by ctest (tests/CMakeLists.txt) with --index, --search, --source-dir, --shared and --work
like the other script tests; news-serve is $NEWS_SERVE and the folder of the built pages
$NEWS_MAN_DIR (empty when scdoc was not found). Python 3, standard library only.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

# Options documented in the man pages before the programs have them (none now).
PENDING = set()

# An option of Boost's --help table: "  -d [ --db ] arg   ...", "  --prune   ...", "  -h ...".
HELP_OPTION = re.compile(r"^  (?:-(\w) \[ --([\w-]+) \]|--([\w-]+)|-(\w))(?=\s|$)")
# An option in a man page's OPTIONS section: a line "*-d, --db* _DIR_" (bold: the names).
SCD_TERM = re.compile(r"^\*([^*]+)\*")
SCD_NAME = re.compile(r"^(?:--[A-Za-z0-9][\w-]*|-[A-Za-z0-9])$")


def help_options(program):
    """The options `program --help` lists, as a set of "--long" and "-x"."""
    r = subprocess.run([program, "--help"], capture_output=True, text=True,
                       env={k: v for k, v in os.environ.items() if k != "NEWS_DB"})
    if r.returncode != 0:
        raise SystemExit(f"FAIL: {program} --help exited {r.returncode}: {r.stderr.strip()}")
    found = set()
    for line in r.stdout.splitlines():
        m = HELP_OPTION.match(line)
        if m:
            short, long_with_short, long_only, short_only = m.groups()
            found.update("-" + s for s in (short, short_only) if s)
            found.update("--" + l for l in (long_with_short, long_only) if l)
    if not found:
        raise SystemExit(f"FAIL: no option found in {program} --help (has its format changed?)")
    return found


def scd_options(path):
    """The options documented in the OPTIONS section of an scdoc page: the bold names that
    start a line ("*-d, --db* _DIR_"). A bold term there that is not an option name fails."""
    found, problems = set(), []
    section = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("# "):
                section = line[2:].strip()
                continue
            if section != "OPTIONS":
                continue
            m = SCD_TERM.match(line)
            if not m:
                continue
            for name in (n.strip() for n in m.group(1).split(",")):
                if SCD_NAME.match(name):
                    found.add(name)
                else:
                    problems.append(f"{path}:{number}: {name!r} in OPTIONS is not an option name")
    if section is None:
        problems.append(f"{path}: no section at all")
    if not found:
        problems.append(f"{path}: no option found in its OPTIONS section")
    return found, problems


def render(page, man):
    """Problems found rendering a built page with `man -l` (an empty list: none)."""
    env = dict(os.environ, MANWIDTH="80", MANPAGER="cat", PAGER="cat", LC_ALL="C.UTF-8")
    r = subprocess.run([man, "--warnings", "-l", page], capture_output=True, text=True, env=env)
    problems = []
    if r.returncode != 0:
        problems.append(f"man -l {page} exited {r.returncode}: {r.stderr.strip()}")
    elif r.stderr.strip():
        problems.append(f"man -l {page} warned: {r.stderr.strip()}")
    name = os.path.basename(page).split(".")[0]
    if r.returncode == 0 and not re.search(rf"^NAME\n\s+{re.escape(name)} - ", r.stdout, re.M):
        problems.append(f"man -l {page}: no NAME line for {name} in the rendered page")
    if "@PROJECT_VERSION@" in r.stdout:
        problems.append(f"man -l {page}: @PROJECT_VERSION@ was not filled in")
    return problems


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--index", required=True)
    p.add_argument("--search", required=True)
    p.add_argument("--source-dir", required=True)
    p.add_argument("--shared")
    p.add_argument("--work")
    a = p.parse_args()
    serve = os.environ.get("NEWS_SERVE")
    if not serve:
        raise SystemExit("NEWS_SERVE is not set: no news-serve binary (set by tests/CMakeLists.txt)")
    man_dir = os.environ.get("NEWS_MAN_DIR", "")
    programs = {"news-index": a.index, "news-search": a.search, "news-serve": serve}

    failures = []
    checks = 0
    for name, binary in programs.items():
        source = os.path.join(a.source_dir, "docs", "man", f"{name}.1.scd")
        in_help = help_options(binary)
        in_page, problems = scd_options(source)
        failures += problems
        undocumented = sorted(in_help - in_page)
        unknown = sorted(in_page - in_help - PENDING)
        pending = sorted((in_page & PENDING) - in_help)
        checks += 1
        if undocumented:
            failures.append(f"{name}: --help lists {', '.join(undocumented)}, which {source} does not document")
        if unknown:
            failures.append(f"{name}: {source} documents {', '.join(unknown)}, which --help does not list")
        print(f"{name}: {len(in_help)} options in --help, {len(in_page)} in the man page"
              + (f" ({', '.join(pending)} documented, pending in --help)" if pending else ""))

    man = shutil.which("man")
    if not man_dir:
        print("SKIP rendering: scdoc was not found at configure time, so the pages are not built")
    elif not man:
        print("SKIP rendering: man is not installed")
    else:
        for name in programs:
            page = os.path.join(man_dir, f"{name}.1")
            checks += 1
            if not os.path.exists(page):
                failures.append(f"{page} is not built (build the target man_pages, part of all)")
                continue
            failures += render(page, man)
        print(f"rendering checked with {man} -l")

    for f in failures:
        print(f"FAIL: {f}")
    print(f"{checks} checks, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
