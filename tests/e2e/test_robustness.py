#!/usr/bin/env python3
"""Bad input never stops a run and never crashes a search: empty, binary, NUL and
invalid-UTF-8 files, a 5 MB single line, 10,000 quotation marks, unknown extensions,
symlink loops, dangling links; huge and malformed queries; a second indexer on a
locked database; searches while an indexer writes."""
import fcntl
import os
import subprocess
import threading
import time

from harness import Env, make_corpus

env = Env()
src = os.path.join(env.work, "bad")
os.makedirs(src)


def write(name, data):
    path = os.path.join(src, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


write("good.txt", "Port cranes idle\n\nKESTREL BAY — The cranes stood idle.\n".encode())
write("latin1.txt", "Caf\xe9 owners protest\n\nThe caf\xe9 owners of Sevilla marched on Monday.\n".encode("latin-1"))
write("empty.txt", b"")
write("blank.txt", b"  \n\n \n")
write("binary.txt", bytes(range(256)) * 10)
write("nul.txt", b"Title\n\nText with a \x00 byte.\n")
write("badutf8.jsonl", b'{"title": "ok", "text": "fine text here"}\n{"title": "bad \xff\xfe", "text": "bytes \xc3"}\n')
write("longline.txt", ("Long line " + "word " * 1_000_000).encode())
write("quotes.txt", ("Quote storm\n\n" + "\u201c " * 10_000 + "\n").encode())
write("image.png", b"\x89PNG\r\n\x1a\n")
os.symlink("loop2.txt", os.path.join(src, "loop1.txt"))
os.symlink("loop1.txt", os.path.join(src, "loop2.txt"))
os.symlink("nowhere.txt", os.path.join(src, "dangling.txt"))
db = os.path.join(env.work, "bad.db")

r = env.index("--db", db, src)
env.equal(r.returncode, 1, f"exit status 1 when files fail ({r.stderr})")
lines = r.stderr.splitlines()
for name, why in [("empty.txt", "empty file"), ("blank.txt", "empty file"), ("binary.txt", "binary"),
                  ("nul.txt", "binary"), ("loop1.txt", "symbolic links"), ("loop2.txt", "symbolic links"),
                  ("dangling.txt", "No such file")]:
    hits = [l for l in lines if os.path.join(src, name) + ":" in l]
    env.check(len(hits) == 1 and why in hits[0], f"one line for {name} saying {why!r}: {hits}")
env.check("7 failed" in r.stderr, f"summary counts the failures: {r.stderr[-300:]}")
env.check("1 other files ignored: 1 .png)" in r.stderr, "image.png ignored, counted by type")
env.equal(env.ids(db, "cranes"), {"bad/good.txt"}, "the good article is indexed")
env.equal(env.ids(db, "café"), {"bad/latin1.txt"}, "Latin-1 converted and found as café")
env.equal(env.ids(db, "cafe owners"), {"bad/latin1.txt"}, "and as cafe")
env.equal(env.ids(db, "fine"), {"bad/badutf8.jsonl#1"}, "valid JSON Lines record")
env.equal(env.ids(db, "title:storm"), {"bad/quotes.txt"}, "10,000 quotation marks")
env.equal(env.ids(db, "title:long"), {"bad/longline.txt"}, "a 5 MB line")
r = env.index("--db", db, os.path.join(src, "image.png"))
env.check(r.returncode == 1 and "image.png: error: unsupported file type" in r.stderr, f"explicit unknown type: {r.stderr}")

# Queries that must be errors (exit 2), never crashes.
for q, why in [(" ".join(f"w{i}" for i in range(10_000)), "too many terms"),
               ("(" * 10_000 + "x" + ")" * 10_000, "nested too deeply"),
               ("AND", "needs a term"), ("cranes OR", "OR needs a term"), ("cranes AND AND x", "AND needs a term"),
               ("NOT", "needs a term"), (")", "no matching"), ("+", "must be followed"), ('"', "unterminated"),
               ("title:", "needs a value"), ("-(", "never closed")]:
    r = env.search(db, "--", q)
    env.check(r.returncode == 2 and why in r.stderr, f"query {q[:30]!r}: exit {r.returncode}, {r.stderr[:200]!r}")

# A second indexer on a locked database stops at once with status 3 and touches nothing.
# The first one holds the lock while it waits to read a named pipe.
fifo = os.path.join(env.work, "slow.txt")
os.mkfifo(fifo)


def start_first():
    return subprocess.Popen([env.index_bin, "--progress", "never", "--db", db, fifo],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


first = start_first()
before = env.search(db, "--count", "date:..9999 OR cranes OR café OR fine").stdout
# Until the first one holds the lock, a second run over nothing changes nothing; once it
# does, the second run must stop with status 3. When the second one takes the lock first,
# the first one is the one that stops with 3: start it again.
empty = os.path.join(env.work, "nothing")
os.makedirs(empty)
for _ in range(100):
    r = env.index("--db", db, empty)
    if r.returncode == 3:
        break
    if first.poll() is not None:
        env.check(first.returncode == 3, f"first indexer lost the race and stopped with {first.returncode}: {first.stderr.read()}")
        first = start_first()
    time.sleep(0.1)
env.check(r.returncode == 3 and "locked" in r.stderr, f"second indexer: exit {r.returncode}, {r.stderr}")
r = env.index("--db", db, os.path.join(env.corpus, "harbor-ledger"))
env.check(r.returncode == 3 and "locked" in r.stderr, f"second indexer with files: exit {r.returncode}, {r.stderr}")
# Let the first one finish: write to the pipe once it reads it (never block on a pipe that
# nobody opens).
deadline = time.monotonic() + 60
while True:
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        break
    except OSError as e:  # ENXIO: no reader yet
        env.check(first.poll() is None and time.monotonic() < deadline,
                  f"first indexer never read the pipe ({e}; exit {first.poll()})")
        if first.poll() is not None or time.monotonic() >= deadline:
            fd = None
            break
        time.sleep(0.05)
if fd is not None:
    os.set_blocking(fd, True)
    with os.fdopen(fd, "w") as f:
        f.write("Piped article\n\nIt arrived through a pipe.\n")
first.wait(timeout=60)
env.equal(first.returncode, 0, f"first indexer finished ({first.stderr})")
env.equal(env.search(db, "--count", "date:..9999 OR cranes OR café OR fine").stdout, before, "nothing touched")

# The run lock beside the database (<db>.lock) is taken before anything is repaired or
# opened: Xapian's own lock is inside the folder that a compaction swaps, so without it a
# second run could "repair" a swap still in progress or open the folder about to be deleted.
half = db + ".compacting"
os.makedirs(half)
with open(os.path.join(half, "marker"), "w") as f:
    f.write("a compaction in progress\n")
with open(db + ".lock", "a+") as held:
    fcntl.lockf(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a POSIX lock, as news-index takes
    r = env.index("--db", db, empty)
    env.check(r.returncode == 3 and "locked" in r.stderr and db + ".lock" in r.stderr,
              f"run lock held elsewhere: exit {r.returncode}, {r.stderr}")
    env.check(os.path.exists(os.path.join(half, "marker")), "a locked run repairs nothing")
    r = env.index("--db", db + "/", empty)
    env.check(r.returncode == 3 and "locked" in r.stderr, f"the same lock for {db}/: exit {r.returncode}, {r.stderr}")
    r = env.index("--extract", os.path.join(src, "good.txt"))
    env.equal(r.returncode, 0, f"--extract needs no database and no lock ({r.stderr})")
r = env.index("--db", db, empty)
env.check(r.returncode == 1 and not os.path.exists(half), f"once free, the next run clears the half-built copy (an empty folder: no article, exit 1): {r.stderr}")
env.equal(env.search(db, "--count", "date:..9999 OR cranes OR café OR fine").stdout, before, "and keeps every article")

# Searches while an indexer commits batch after batch: every search answers (0 or 1).
gen = os.path.join(env.work, "gen")
make_corpus(env, gen, 1500)
gdb = os.path.join(env.work, "gen.db")
writer = subprocess.Popen([env.index_bin, "--progress", "never", "--batch-size", "25", "--db", gdb, gen],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
statuses = []
while writer.poll() is None:
    if os.path.exists(os.path.join(gdb, "iamglass")):  # the first commit made it a database
        r = env.search(gdb, "--count", "strike OR water")
        statuses.append(r.returncode)
        if r.returncode not in (0, 1):
            print(r.stderr)
writer.wait()
env.check(len(statuses) >= 3, f"searched {len(statuses)} times during indexing")
env.check(all(s in (0, 1) for s in statuses), f"every search during indexing worked: {statuses}")

# Searches while compactions swap the folder (news-index's two renames, then the old folder
# goes; over and over here): a search that opens between the renames, or between Xapian
# reading the version file and opening the tables, must open again and answer. Without the
# retries about 1 search in 8 failed.
import shutil
sdb = os.path.join(env.work, "swap.db")
shutil.copytree(gdb, sdb)
spare = sdb + ".spare"
shutil.copytree(gdb, spare)
stop = threading.Event()


def swapper():
    while not stop.is_set():
        os.rename(sdb, sdb + ".precompact")
        os.rename(spare, sdb)
        os.rename(sdb + ".precompact", spare)


t = threading.Thread(target=swapper)
t.start()
swap_statuses = []
try:
    for _ in range(100):
        r = env.search(sdb, "--count", "strike OR water")
        swap_statuses.append(r.returncode)
        if r.returncode not in (0, 1):
            print(r.stderr)
finally:
    stop.set()
    t.join()
env.check(all(s in (0, 1) for s in swap_statuses), f"every search during folder swaps worked: {swap_statuses}")
env.finish()
