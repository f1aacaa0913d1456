"""Shared helpers of the benchmark scripts in tests/bench/ (not a test, not a script).

- Corpus readers for ../shared/corpora: Reuters-21578 (SGML in a tar.xz), PolNeAR
  (text files + metadata.tsv), BBC full text (tar.xz). Each yields plain dicts
  {id, title, date, dateline, text, ...}; nothing is ever written inside the repository.
- run_measured(): runs one child process and returns its wall time, CPU time and peak RSS
  (os.wait4 on that very child, so the figures are the child's own, not the script's).
- percentile(): the same nearest-rank rule as `news-search --stats`.
"""
import os
import platform
import re
import shutil
import subprocess
import tarfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))

MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}


# ---------------------------------------------------------------- Reuters-21578

_ENTITY = re.compile(r"&(#\d+|lt|gt|amp|quot|apos);")


def sgml_text(s):
    """SGML character data to text: &lt; &gt; &amp; and numeric references resolved; the
    wire's control characters (&#2; &#3; &#5; &#22; &#31; &#127; ...) dropped."""
    def repl(m):
        e = m.group(1)
        if e[0] == "#":
            n = int(e[1:])
            return chr(n) if n >= 32 and n != 127 else ""
        return {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}[e]
    return _ENTITY.sub(repl, s)


def reuters_paragraphs(body):
    """A Reuters body is hard-wrapped at ~70 columns, each paragraph opening with an indented
    line. Returns the paragraphs, each on one line, without the closing 'Reuter' signature."""
    lines = [ln.rstrip() for ln in body.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and lines[-1].strip().upper() in ("REUTER", "REUTERS"):
        lines.pop()
    paras, cur = [], []
    for ln in lines:
        if not ln.strip():
            if cur:
                paras.append(" ".join(cur))
                cur = []
            continue
        if ln[:1].isspace() and cur:
            paras.append(" ".join(cur))
            cur = []
        cur.append(" ".join(ln.split()))
    if cur:
        paras.append(" ".join(cur))
    return [p for p in paras if p]


def _tag(s, name):
    m = re.search(r"<%s>(.*?)</%s>" % (name, name), s, re.S)
    return m.group(1) if m else None


def reuters_records(tar_path):
    """Yields one dict per <REUTERS> story of reut2-*.sgm in file order: id (NEWID), title,
    date (YYYY-MM-DD from <DATE>), dateline (place and date as written), text (body
    paragraphs separated by blank lines; for a BRIEF story, which has no body, the title;
    for UNPROC, the unprocessed text). Bytes that are not UTF-8 (one 0xFC in reut2-017)
    are read as Windows-1252."""
    with tarfile.open(tar_path, "r:xz") as tar:
        members = sorted((m for m in tar.getmembers() if re.search(r"reut2-\d+\.sgm$", m.name)), key=lambda m: m.name)
        for m in members:
            data = tar.extractfile(m).read()
            for chunk in re.findall(rb"<REUTERS\b.*?</REUTERS>", data, re.S):
                try:
                    s = chunk.decode("utf-8")
                except UnicodeDecodeError:
                    s = chunk.decode("cp1252", errors="replace")
                yield _reuters_story(s)


def _reuters_story(s):
    newid = re.search(r'NEWID="(\d+)"', s).group(1)
    date = ""
    d = _tag(s, "DATE")
    if d:
        dm = re.search(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})", d)
        if dm and dm.group(2).upper() in MONTHS:
            date = "%s-%02d-%02d" % (dm.group(3), MONTHS[dm.group(2).upper()], int(dm.group(1)))
    tm = re.search(r"<TEXT([^>]*)>(.*?)</TEXT>", s, re.S)
    ttype, inner = (tm.group(1), tm.group(2)) if tm else ("", "")
    title = " ".join(sgml_text(_tag(inner, "TITLE") or "").split())
    dateline = " ".join(sgml_text(_tag(inner, "DATELINE") or "").split()).rstrip(" -")
    body = _tag(inner, "BODY")
    if body is not None:
        paras = reuters_paragraphs(sgml_text(body))
    elif "UNPROC" in ttype:
        paras = reuters_paragraphs(sgml_text(re.sub(r"<[^>]+>", "", inner)))
    else:
        paras = []
    text = "\n\n".join(paras) if paras else title
    author = " ".join(sgml_text(_tag(inner, "AUTHOR") or "").split())
    author = re.sub(r"^[Bb]y\s+", "", author).split(",")[0].strip()
    return {"id": newid, "title": title, "date": date, "dateline": dateline, "text": text, "author": author}


# ---------------------------------------------------------------- PolNeAR

def polnear_metadata(polnear_dir):
    meta = {}
    with open(os.path.join(polnear_dir, "metadata.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            meta[row["filename"]] = row
    return meta


def polnear_records(polnear_dir):
    """Yields the PolNeAR train+dev articles: id (file name), title (metadata, else the
    headline line), date, source, author (metadata.tsv), text (the paragraphs)."""
    meta = polnear_metadata(polnear_dir)
    for comp in ("train", "dev"):
        if not os.path.isdir(os.path.join(polnear_dir, comp, "text")):
            continue
        d = os.path.join(polnear_dir, comp, "text")
        for name in sorted(os.listdir(d)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(d, name), encoding="utf-8", errors="replace") as f:
                raw = f.read()
            paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw) if p.strip()]
            if not paras:
                continue
            headline, paras = paras[0], paras[1:]
            m = meta.get(name[:-4], {})
            author = m.get("author", "")
            yield {"id": name[:-4], "title": m.get("title") or headline, "date": m.get("publication_date", ""),
                   "dateline": "", "text": "\n\n".join(paras) or headline,
                   "source": m.get("publisher", ""), "author": "" if author in ("None", "") else author}


# ---------------------------------------------------------------- BBC

def bbc_records(tar_path):
    """Yields the BBC full-text articles: id (folder/file), title (line 1), topic (folder),
    text. The one Latin-1 file is read as Windows-1252."""
    with tarfile.open(tar_path, "r:xz") as tar:
        for m in sorted(tar.getmembers(), key=lambda m: m.name):
            mm = re.search(r"bbc/(\w+)/(\d+)\.txt$", m.name)
            if not mm or not m.isfile():
                continue
            data = tar.extractfile(m).read()
            try:
                s = data.decode("utf-8")
            except UnicodeDecodeError:
                s = data.decode("cp1252", errors="replace")
            paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", s) if p.strip()]
            if len(paras) < 2:
                continue
            yield {"id": f"{mm.group(1)}/{mm.group(2)}", "title": paras[0], "topic": mm.group(1),
                   "text": "\n\n".join(paras[1:])}


# ---------------------------------------------------------------- measuring

class Measured:
    def __init__(self, returncode, wall, cpu, maxrss_mb, stdout, stderr):
        self.returncode, self.wall, self.cpu, self.maxrss_mb = returncode, wall, cpu, maxrss_mb
        self.stdout, self.stderr = stdout, stderr


GNU_TIME = "/usr/bin/time"


def _gnu_time():
    try:
        r = subprocess.run([GNU_TIME, "--version"], capture_output=True, text=True, timeout=10)
        return "GNU" in (r.stdout + r.stderr)
    except (OSError, subprocess.SubprocessError):
        return False


HAVE_GNU_TIME = os.access(GNU_TIME, os.X_OK) and _gnu_time()


def run_measured(cmd, scratch, stdin_path=None, env=None):
    """Runs cmd as a child and returns a Measured: wall seconds, CPU seconds (user+system)
    and peak RSS in MB of that child (and of the children it waited for), from os.wait4.
    stdout/stderr go through files in scratch so large outputs cost no pipe handling.

    Peak RSS: Linux keeps the largest RSS across exec, and a child started with vfork or
    fork starts from its parent's, so ru_maxrss of a direct child is at least this script's
    own peak. With GNU time (/usr/bin/time, package `time`) the program runs as time's
    child instead and its own maximum is taken from time's %M; without it the figure is an
    upper bound (max_rss_exact False)."""
    out_path = os.path.join(scratch, "child.out")
    err_path = os.path.join(scratch, "child.err")
    rss_path = os.path.join(scratch, "child.rss")
    full = [GNU_TIME, "-q", "-f", "%M", "-o", rss_path, *cmd] if HAVE_GNU_TIME else list(cmd)
    if os.path.exists(rss_path):
        os.unlink(rss_path)
    with open(out_path, "wb") as out, open(err_path, "wb") as err, \
            open(stdin_path or os.devnull, "rb") as inp:
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdin=inp, stdout=out, stderr=err, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    with open(out_path, "rb") as f:
        stdout = f.read().decode("utf-8", "replace")
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    maxrss_kb, exact = ru.ru_maxrss, False
    if HAVE_GNU_TIME:
        try:
            with open(rss_path) as f:
                maxrss_kb, exact = int(f.read().split()[-1]), True
        except (OSError, ValueError, IndexError):
            pass
    m = Measured(p.returncode, wall, ru.ru_utime + ru.ru_stime, maxrss_kb / 1024.0, stdout, stderr)
    m.max_rss_exact = exact
    return m


def percentile(values, p):
    """Nearest rank on (n-1), as news-search --stats computes it."""
    if not values:
        return float("nan")
    v = sorted(values)
    i = int(p / 100.0 * (len(v) - 1) + 0.5)
    return v[min(i, len(v) - 1)]


def disk_mb(path):
    """Bytes on disk of a file or folder (apparent sizes, summed), in MB (10^6)."""
    if os.path.isfile(path):
        return os.path.getsize(path) / 1e6
    total = 0
    for d, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(d, f))
            except OSError:
                pass
    return total / 1e6


def machine_line():
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"Machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {cpu}{mem}, "
            f"{platform.system()} {platform.release()}; run {time.strftime('%Y-%m-%d %H:%M %Z')}; "
            f"load average at the end (1/5/15 min) {load}")


def programs_and_work(build, work):
    """news-index and news-search of the build folder @p build (exits when not built) and the
    work folder @p work made absolute and created (exits when inside the repository)."""
    import sys
    index = os.path.join(build, "indexer", "news-index")
    search = os.path.join(build, "searcher", "news-search")
    for tool in (index, search):
        if not os.access(tool, os.X_OK):
            sys.exit(f"{tool}: not built (cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build)")
    work = os.path.abspath(work)
    if os.path.commonpath([work, ROOT]) == ROOT:
        sys.exit(f"{work}: the work folder must be outside the repository")
    os.makedirs(work, exist_ok=True)
    return index, search, work


def snapshot_binaries(paths, scratch):
    """Copies the programs into scratch, so that a rebuild during a long benchmark never mixes
    two versions. Returns the copies' paths and one line naming the originals and their times."""
    out, desc = [], []
    for p in paths:
        dst = os.path.join(scratch, "bin", os.path.basename(p))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(p, dst)
        out.append(dst)
        desc.append(f"{p} ({time.strftime('%Y-%m-%d %H:%M', time.localtime(os.path.getmtime(p)))})")
    line = "binaries (modification times): " + ", ".join(desc)
    try:
        head = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%h %ci"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
        if head:
            line += f"; repository HEAD {head} at the start (the binaries may be older or newer)"
    except (OSError, subprocess.SubprocessError):
        pass
    return out, line


def fmt(x, digits=0):
    if x is None or (isinstance(x, float) and x != x):
        return "—"
    return f"{x:,.{digits}f}"
