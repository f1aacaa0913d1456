#!/usr/bin/env python3
"""Bash completion of news-search, news-index and news-serve (completion/news-search.bash,
issue 17, item 4), on a database of the bundled corpus.

The script is sourced by a bash that is given COMP_LINE, COMP_POINT, COMP_WORDS (split as
bash splits them: ':' and '=' are words of their own) and COMP_CWORD, and calls the
function `complete -p` names, as bash does on Tab; COMPREPLY is checked:

- every option of each program's --help, and the values of --sort, --color, --facet,
  --ranking, --tz, --language, --progress, --host; --db completes folders (not files),
  in `--db DIR` and `--db=DIR`;
- query words: a field's prefix (spe -> speaker:), -sou after `--` (-source:);
- source: gives the slugs of `news-search --sources --json`, all of them and by prefix;
  speaker: the names of `--speakers --json` (folded to lower case, several words quoted for
  the query and, unquoted on the command line, for the shell too: speaker:'"barack obama"'),
  every name found from its first two letters; the database is the --db typed, else
  $NEWS_DB; a database that cannot be opened completes nothing;
- nothing on stderr, ever.

Each case is run without the bash-completion package and, when it is installed
(/usr/share/bash-completion/bash_completion, or $NEWS_BASH_COMPLETION), with it
(_init_completion). Then a few lines are typed with Tab into an interactive bash on a
pseudo-terminal, and the arguments the command receives are checked: what readline really
does with the completions (quotes closed, text replaced). Skipped (77) without bash >= 4.

news-serve's --help is read from $NEWS_SERVE when set (tests/CMakeLists.txt sets it)."""
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from harness import Env, SKIP  # noqa: E402

env = Env()
BASH = shutil.which("bash")
if not BASH:
    print("SKIP: no bash")
    sys.exit(SKIP)
version = subprocess.run([BASH, "-c", "echo ${BASH_VERSINFO[0]}"], capture_output=True, text=True).stdout.strip()
if not version.isdigit() or int(version) < 4:
    print(f"SKIP: bash {version} (the completion needs bash 4)")
    sys.exit(SKIP)

SCRIPT = os.path.join(env.source_dir, "completion", "news-search.bash")
SEARCH = os.path.abspath(env.search_bin)
INDEX = os.path.abspath(env.index_bin)
SERVE = os.environ.get("NEWS_SERVE")
BASH_COMPLETION = os.environ.get("NEWS_BASH_COMPLETION", "/usr/share/bash-completion/bash_completion")
WORDBREAKS = " \t\n\"'><=;|&(:"
ENV = dict(os.environ, LC_ALL="C.UTF-8", INPUTRC="/dev/null", HISTFILE="/dev/null")
ENV.pop("NEWS_DB", None)
ENV.pop("BASH_ENV", None)

# ------------------------------------------------------------------ the database
db = os.path.join(env.work, "news.db")
r = env.index("--db", db, env.corpus)
env.equal(r.returncode, 0, f"index exit status ({r.stderr[-300:]})")
r = env.search(db, "--sources", "--json")
SLUGS = [s["slug"] for s in json.loads(r.stdout)["sources"]]
r = env.search(db, "--speakers", "--json")
NAMES = [s["name"] for s in json.loads(r.stdout)["speakers"]]
env.check(len(SLUGS) >= 3 and len(NAMES) >= 10, f"the corpus's sources {SLUGS} and speakers ({len(NAMES)})")
FOLDED = sorted({n.lower() for n in NAMES if '"' not in n and "\\" not in n})
# a person of two words or more, the only name starting with their first word less a letter
PERSONS = [s["name"].lower() for s in json.loads(r.stdout)["speakers"] if s["kind"] == "person"]
name = next(n for n in PERSONS if re.fullmatch(r"[a-z]+( [a-z]+)+", n)
            and [m for m in FOLDED if m.startswith(n.split()[0][:-1])] == [n])   # "barack obama"
first = name.split()[0]

# folders and a file for --db
dbs = os.path.join(env.work, "dbs")
for d in ("alpha.db", "alps.db", "beta"):
    os.makedirs(os.path.join(dbs, d))
open(os.path.join(dbs, "alpine.txt"), "w").close()


def help_options(binary):
    """The options of a program's --help (its 'Options:' part), short and long."""
    out = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
    part = out[out.index("Options:"):]
    found = re.findall(r"^\s+(?:(-\w) \[ )?(--[\w-]+)", part, re.M)
    return sorted({o for pair in found for o in pair if o})


# ------------------------------------------------------------------ COMP_WORDS as bash has them
def comp_words(line):
    """Splits a command line up to the cursor as bash does for COMP_WORDS: at unquoted
    blanks, and runs of unquoted COMP_WORDBREAKS characters are words of their own; quotes
    and backslashes stay in the words."""
    words, w, quote, i, kind = [], "", None, 0, None   # kind: 'b' break run, 'w' word
    while i < len(line):
        c = line[i]
        if quote:
            w += c
            if c == quote:
                quote = None
            elif c == "\\" and quote == '"' and i + 1 < len(line):
                w += line[i + 1]
                i += 1
        elif c in " \t\n":
            if w:
                words.append(w)
            w, kind = "", None
        elif c == "\\":
            if kind == "b":
                words.append(w)
                w = ""
            w += line[i:i + 2]
            kind = "w"
            i += 1
        elif c in "\"'":
            if kind == "b":
                words.append(w)
                w = ""
            w += c
            quote, kind = c, "w"
        elif c in WORDBREAKS:
            if kind == "w":
                words.append(w)
                w = ""
            w += c
            kind = "b"
        else:
            if kind == "b":
                words.append(w)
                w = ""
            w += c
            kind = "w"
        i += 1
    words.append(w)
    return words


def bash_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def complete_all(lines, bash_completion=False, extra_env=None):
    """COMPREPLY for each command line (the cursor at its end), in one bash."""
    script = []
    if bash_completion:
        script.append(f". {bash_quote(BASH_COMPLETION)}")
    script.append(f". {bash_quote(SCRIPT)}")
    script.append("""
_t() {
    local spec fn
    spec=$(complete -p "$1") || { printf 'NO-COMPSPEC\\0\\1\\n'; return; }
    fn=${spec#*-F }
    fn=${fn%% *}
    COMP_LINE=$2
    COMP_POINT=${#2}
    shift 2
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    "$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    ((${#COMPREPLY[@]})) && printf '%s\\0' "${COMPREPLY[@]}"
    printf '\\1\\n'
}""")
    for line in lines:
        words = comp_words(line)
        name = os.path.basename(words[0])
        script.append(" ".join(["_t", bash_quote(name), bash_quote(line)] + [bash_quote(w) for w in words]))
    e = dict(ENV, **(extra_env or {}))
    r = subprocess.run([BASH, "--norc", "--noprofile", "-c", "\n".join(script)], capture_output=True,
                       text=True, env=e, cwd=env.work)
    env.equal(r.stderr, "", f"stderr of the completions (bash-completion: {bash_completion})")
    parts = r.stdout.split("\x01\n")
    env.equal(len(parts), len(lines) + 1, f"answers ({r.stdout[-300:]!r})")
    return {line: [x for x in part.split("\0")[:-1]] for line, part in zip(lines, parts)}


# ------------------------------------------------------------------ the cases
S = SEARCH + " --db " + db
cases = {}   # line -> check(reply) returning None or what is wrong


def expect_set(line, want):
    cases[line] = lambda got: None if sorted(got) == sorted(want) else f"want {sorted(want)}"


def expect_in(line, want):
    cases[line] = lambda got: None if want in got else f"want {want!r} among them"


opts_search = help_options(SEARCH)
opts_index = help_options(INDEX)
opts_serve = help_options(SERVE) if SERVE else ["--db", "--help", "--host", "--port", "--threads", "--token",
                                                "--version", "--web", "-h"]
long_search = [o for o in opts_search if o.startswith("--")]
expect_set("news-search -", opts_search)
expect_set("news-search --", long_search)
expect_set("news-index -", opts_index)
expect_set("news-index --", [o for o in opts_index if o.startswith("--")])
expect_set("news-serve -", opts_serve)
expect_set("news-search --so", [o for o in long_search if o.startswith("--so")])
expect_set("news-search --sort ", ["relevance", "date", "-date"])
expect_set("news-search --sort -", ["-date"])
expect_set("news-search --sort=d", ["date"])           # readline's text starts after '='
expect_set("news-search -s r", ["relevance"])
expect_set("news-search --color ", ["auto", "always", "never"])
expect_set("news-search --facet ", "speaker person source author place topic language year month day".split())
expect_set("news-search --split pl", ["place"])
expect_set("news-search --ranking ", ["k1=", "b=", "title=", "near=", "window=", "stop="])
expect_set("news-search --ranking k1=1,ne", ["1,near="])   # after the '=' of k1=
expect_set("news-index --language fr", ["french"])
expect_set("news-index --progress ", ["auto", "always", "never"])
expect_set("news-serve --host 0", ["0.0.0.0"])
expect_set("news-search -n ", [])
expect_set("news-search --get ", [])
if os.path.isfile("/usr/share/zoneinfo/Europe/Paris"):
    expect_set("news-search --tz Europe/Pa", ["Europe/Paris"])
    expect_set("news-search --tz Euro", ["Europe/"])
# --db: folders only
expect_set(f"news-search --db {dbs}/al", [f"{dbs}/alpha.db", f"{dbs}/alps.db"])
expect_set(f"news-search --db={dbs}/alp", [f"{dbs}/alpha.db", f"{dbs}/alps.db"])
expect_set(f"news-index -d {dbs}/b", [f"{dbs}/beta"])
expect_set(f"news-serve --db {dbs}/alph", [f"{dbs}/alpha.db"])
expect_set(f"news-index {dbs}/alpi", [f"{dbs}/alpine.txt"])      # news-index's PATHs: files too
# query fields
expect_set("news-search spe", ["speaker:"])
expect_set("news-search Sou", ["source:"])
expect_set("news-search t", ["title:", "topic:"])
expect_set("news-search ", "title: body: quote: said: speaker: person: author: source: place: lang: topic: date:".split())
expect_set("news-search -- -sou", ["-source:"])
expect_set("news-search 'tariffs spe", ["tariffs speaker:"])     # inside quotes: from the quote on
expect_set("news-search --query spe", ["speaker:"])
expect_set("news-search --query=spe", ["speaker:"])                # after the '='
# source: values, from the --db typed, from $NEWS_DB, nothing from a database that is not one
expect_set(f"{S} source:", SLUGS)
prefix = SLUGS[0][:3]
expect_set(f"{S} source:{prefix}", [s for s in SLUGS if s.startswith(prefix)])
expect_set(f"{S} -- -source:{prefix}", [s for s in SLUGS if s.startswith(prefix)])
expect_set(f"{SEARCH} --sort -date -d {db} source:", SLUGS)       # -date is --sort's, not a -d
expect_set(f"{SEARCH} --db={db} -s -date source:", SLUGS)
expect_set(f"{SEARCH} --db {env.work}/nothing.db source:", [])
expect_set(f"{SEARCH} --db {env.work}/nothing.db speaker:{first}", [])
# speaker: values


def quoted(value):
    """A value as the query takes it: quoted unless one plain word."""
    return value if re.fullmatch(r"[\w.-]+", value) else f'"{value}"'


expect_in(f"{S} speaker:{first}", "'\"" + name + "\"'")            # speaker:'"barack obama"'
expect_in(f"{S} speaker:'\"{first}", '"' + name + '"')            # in the open ' : "barack obama"
expect_in(f"{S} speaker:\"{first}", '\\"' + name + '\\""')        # in an open ": \"barack obama\""
expect_in(f"{S} 'speaker:\"{first}", 'speaker:"' + name + '"')
expect_in(f"{S} speaker:={first}", "'\"" + name + "\"'")
expect_in(f"{S} speaker:{first.upper()}", "'\"" + name + "\"'")


def unquoted(reply):
    """What the program gets for each completion typed where no quote is open (plain, or
    in single quotes)."""
    return [c[1:-1].replace("'\\''", "'") if len(c) > 1 and c[0] == c[-1] == "'" else c for c in reply]


lines = list(cases)
all_speakers = f"{S} speaker:"
by_two = {n: f"{S} speaker:{n[:2]}" for n in FOLDED if re.fullmatch(r"[a-z]{2}", n[:2])}
path_line = "news-search source:"                     # news-search from the PATH, $NEWS_DB
lines += [all_speakers] + sorted(set(by_two.values()))

modes = [False]
if os.path.isfile(BASH_COMPLETION):
    modes.append(True)
else:
    print(f"note: {BASH_COMPLETION} is absent: checked without the bash-completion package only")
for bc in modes:
    what = "with bash-completion" if bc else "without bash-completion"
    got = complete_all(lines, bc)
    for line, check in cases.items():
        problem = check(got.get(line, []))
        env.check(problem is None, f"{what}: {line!r} -> {got.get(line)}: {problem}")
    env.equal(sorted(unquoted(got.get(all_speakers, []))), sorted(quoted(n) for n in FOLDED),
              f"{what}: every speaker")
    for n, line in by_two.items():
        values = [v.strip('"') for v in unquoted(got.get(line, []))]
        env.check(n in values and all(v.startswith(n[:2]) for v in values),
                  f"{what}: {n!r} from {line!r}: {got.get(line)}")
    g = complete_all([path_line], bc, {"NEWS_DB": db, "PATH": os.path.dirname(SEARCH) + os.pathsep + ENV["PATH"]})
    env.equal(sorted(g.get(path_line, [])), sorted(SLUGS), f"{what}: news-search on the PATH, $NEWS_DB")


# ------------------------------------------------------------------ readline itself
def typed(lines_and_argv, bash_completion):
    """Types each line (Tabs in it) into an interactive bash on a pseudo-terminal, then
    Enter; the programs are shell functions printing their arguments."""
    try:
        import pty
    except ImportError:
        print("note: no pty module: readline not checked")
        return
    rc = os.path.join(env.work, "rc.bash")
    with open(rc, "w") as f:
        f.write("PS1='PROMPT> '\n")
        f.write(f"PATH={bash_quote(os.path.dirname(SEARCH))}:$PATH\n")
        if bash_completion:
            f.write(f". {bash_quote(BASH_COMPLETION)}\n")
        f.write(f". {bash_quote(SCRIPT)}\n")
        for p in ("news-search", "news-index", "news-serve"):
            f.write(f"{p}() {{ printf '<%s>\\n' \"$@\"; echo '<END>'; }}\n")
        f.write(f"cd {bash_quote(env.work)}\n")
    what = "with bash-completion" if bash_completion else "without bash-completion"
    for line, want in lines_and_argv:
        try:
            pid, fd = pty.fork()
        except OSError as e:
            print(f"note: no pseudo-terminal ({e}): readline not checked")
            return
        if pid == 0:
            os.execve(BASH, [BASH, "--noprofile", "--rcfile", rc, "-i"], dict(ENV, TERM="dumb"))
        out = b""
        try:
            out = read_until(fd, b"PROMPT> ")
            os.write(fd, line.encode() + b"\x05\n")          # ctrl-e: to the end of the line
            out = read_until(fd, b"<END>")
        finally:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(fd)
        text = out.decode("utf-8", "replace").replace("\r", "")
        argv = [x[1:-1] for x in text.split("\n") if x.startswith("<") and x.endswith(">") and x != "<END>"]
        env.equal(argv, want, f"{what}: typed {line!r}")


def read_until(fd, marker, timeout=30):
    out, end = b"", time.time() + timeout
    while time.time() < end and marker not in out:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            out += data
    return out


slug = SLUGS[0]
typed_cases = [
    ("news-search --sort -\t", ["--sort", "-date"]),
    ("news-search spe\tobama", ["speaker:obama"]),
    (f"news-search --db news.db source:{slug[:-1]}\t", ["--db", "news.db", f"source:{slug}"]),
    (f"news-search --db news.db speaker:{first[:-1]}\t", ["--db", "news.db", f'speaker:"{name}"']),
    (f"news-search --db news.db speaker:'\"{name[:-1]}\t", ["--db", "news.db", f'speaker:"{name}"']),
    (f"news-search --db news.db speaker:\"{name[:-1]}\t", ["--db", "news.db", f'speaker:"{name}"']),
    (f"news-search --db news.db 'tariffs speaker:\"{name[:-1]}\t", ["--db", "news.db", f'tariffs speaker:"{name}"']),
    (f"news-search --db news.db --query=speaker:\"{name[:-1]}\t", ["--db", "news.db", f'--query=speaker:"{name}"']),
    ("news-search --db news.db date:last\tw\t", ["--db", "news.db", 'date:"last week"']),
    ("news-search --db=news.d\t", ["--db=news.db/"]),
    ("news-search --ranking k1=1,ne\t0.1", ["--ranking", "k1=1,near=0.1"]),
    ("news-index --lang\tfre\t", ["--language", "french"]),
]
for bc in modes:
    typed(typed_cases, bc)

env.finish()
