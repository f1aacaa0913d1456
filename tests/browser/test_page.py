#!/usr/bin/env python3
"""The page (web/) in headless Chromium, driven by Selenium, against news-serve on the bundled
corpus: a query (titles, count and highlights as news-search gives them), sort, a facet value
and a chart month (the query box shows the filter, the results are those of the new query),
an article (every quote marked with its speaker, byte offsets right in non-ASCII text), an id
holding / # ? % and a space, a speaker (and a search within their quotes), the history (back),
a query error at its column, the keyboard, and the 375 px layout (no horizontal scroll).
Screenshots go to --screenshots. Waits are on DOM state (WebDriverWait), never sleeps.

Exit status 0 passed, 1 failed, 77 skipped: only when chromium, chromedriver or
python3-selenium is missing (tools/deps.sh installs them)."""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import traceback
import urllib.parse
import urllib.request

SKIP = 77
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
DEBIAN_PYTHON = "/usr/bin/python3"

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    # Debian's python3-selenium is installed for Debian's Python; ctest may have found another.
    if os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON) and os.access(DEBIAN_PYTHON, os.X_OK):
        os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON, *sys.argv])
    print("SKIP: python3-selenium is not installed (tools/deps.sh installs it)")
    sys.exit(SKIP)

# Selenium finds chromedriver at "localhost", which a machine without /etc/hosts (a fresh
# debootstrap root) cannot resolve: the loopback address instead, where chromedriver listens.
from selenium.webdriver.common import utils as _selenium_utils  # noqa: E402

_is_connectable = _selenium_utils.is_connectable
_selenium_utils.is_connectable = lambda port, host="127.0.0.1": _is_connectable(
    port, "127.0.0.1" if host == "localhost" else host)


class LoopbackService(Service):
    @property
    def service_url(self):
        return f"http://127.0.0.1:{self.port}"


for tool in (CHROMIUM, CHROMEDRIVER):
    if not os.access(tool, os.X_OK):
        print(f"SKIP: {tool} is absent (tools/deps.sh installs chromium and chromium-driver)")
        sys.exit(SKIP)

p = argparse.ArgumentParser()
p.add_argument("--index", required=True)
p.add_argument("--search", required=True)
p.add_argument("--serve", required=True)
p.add_argument("--source-dir", required=True)
p.add_argument("--work", required=True)
p.add_argument("--screenshots", required=True)
args = p.parse_args()
for k in ("index", "search", "serve", "source_dir", "work", "screenshots"):
    setattr(args, k, os.path.abspath(getattr(args, k)))
shutil.rmtree(args.work, ignore_errors=True)
os.makedirs(args.work)
shutil.rmtree(args.screenshots, ignore_errors=True)
os.makedirs(args.screenshots)

checks = failures = 0


def check(cond, what):
    global checks, failures
    checks += 1
    if not cond:
        failures += 1
        print(f"FAIL: {what}", flush=True)
    return cond


def equal(got, want, what):
    return check(got == want, f"{what}: got {got!r}, want {want!r}")


def run(*cmd):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("NEWS_DB", None)
    return subprocess.run(list(cmd), capture_output=True, text=True, env=env, cwd=args.work)


# ---------- the index: corpus/ and an article whose id needs percent-encoding ----------

DB = os.path.join(args.work, "news.db")
ODD_ID = "wire/odd#1?x=50% off"
MARKUP_TITLE = '<img src=x onerror="window.pwned=1">Markup <i>in</i> a title & more'
extra = os.path.join(args.work, "extra")
os.makedirs(extra)
with open(os.path.join(extra, "odd.jsonl"), "w", encoding="utf-8") as f:
    f.write(json.dumps({
        "id": ODD_ID, "title": "Zürich café owners protest the rent rise", "date": "2024-06-03",
        "source": "Alpine Gazette",
        "text": "ZÜRICH — Café owners on the Niederdorf marched on Monday.\n\n"
                "“Wir können nicht mehr — we cannot go on,” said Léa Müller, who runs a café there. "
                "“Rents doubled in two years.”\n\nThe city said it would review the leases.",
    }, ensure_ascii=False) + "\n")
    f.write(json.dumps({
        "id": "wire/markup", "title": MARKUP_TITLE, "date": "2024-06-04", "source": "Alpine Gazette",
        "text": "GENEVA — Markup arrived in the feed.\n\n“<b>Bold</b> claims & <script>window.pwned = 1</script>,” "
                "said Ann Lee, an editor.",
    }, ensure_ascii=False) + "\n")
r = run(args.index, "--progress", "never", "--db", DB, os.path.join(args.source_dir, "corpus"), extra)
if r.returncode != 0:
    print(f"FAIL: news-index exited {r.returncode}: {r.stderr}")
    sys.exit(1)


def search_json(query, *extra_args):
    r = run(args.search, "--db", DB, "--json", *extra_args, "--", query)
    if r.returncode not in (0, 1):
        raise AssertionError(f"news-search {query!r}: {r.stderr}")
    return json.loads(r.stdout) if r.stdout.strip() else {"results": [], "total": 0}


def count(query):
    r = run(args.search, "--db", DB, "--count", "--", query)
    if r.returncode not in (0, 1):
        raise AssertionError(f"news-search --count {query!r}: {r.stderr}")
    return int(r.stdout.strip() or 0)


def get_article(id_):
    r = run(args.search, "--db", DB, "--get", "--json", "--", id_)
    return json.loads(r.stdout)["articles"][0]


def count_text(n):
    """What the page says for n matching articles (exact below 10,000)."""
    if n == 0:
        return "No article matches"
    return "1 article matches" if n == 1 else f"{n:,} articles match"


def byte_slice(s, start, end):
    return s.encode("utf-8")[start:end].decode("utf-8")


# ---------- news-serve on a free port ----------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = free_port()
serve_log = open(os.path.join(args.work, "news-serve.log"), "w")
server = subprocess.Popen([args.serve, "--db", DB, "--port", str(port)], stdout=serve_log, stderr=subprocess.STDOUT,
                          cwd=args.work)
BASE = f"http://127.0.0.1:{port}/"


def wait_for_server(deadline_s=30):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            try:
                server.wait(timeout=0.1)  # exits early when the server died
                return False
            except subprocess.TimeoutExpired:
                pass
    return False


def api(path):
    with urllib.request.urlopen(BASE + "api/" + path) as res:
        return json.loads(res.read().decode("utf-8"))


# ---------- the browser ----------

def start_browser():
    o = webdriver.ChromeOptions()
    o.binary_location = CHROMIUM
    for a in ("--headless", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100", "--lang=en-US"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=LoopbackService(CHROMEDRIVER), options=o)


def shot(d, name):
    d.save_screenshot(os.path.join(args.screenshots, name + ".png"))


def wait_view(d, view, timeout=20):
    """Waits until the page has drawn the current hash in view; returns its state (ready or error)."""
    try:
        return WebDriverWait(d, timeout).until(lambda d: d.execute_script(
            "const b = document.body;"
            "return b.dataset.rendered === location.hash && b.dataset.view === arguments[0] ? b.dataset.state : null;",
            view))
    except TimeoutException:
        state = d.execute_script("return [location.hash, document.body.dataset.view, document.body.dataset.state,"
                                 " document.body.dataset.rendered]")
        raise AssertionError(f"the {view} view was not drawn in {timeout} s: {state}")


def hash_params(d):
    return dict(urllib.parse.parse_qsl(d.execute_script("return location.hash.slice(1)")))


def texts(d, css, root=None):
    return [e.text for e in (root or d).find_elements(By.CSS_SELECTOR, css)]


def query_box(d):
    return d.find_element(By.ID, "q").get_attribute("value")


def search_by_typing(d, query):
    box = d.find_element(By.ID, "q")
    box.clear()
    box.send_keys(query + Keys.ENTER)


def check_results(d, query, what, sort=None):
    """The page's count, titles and highlighted words against news-search's for query."""
    extra_args = ["--sort", sort] if sort else []
    want = search_json(query, "-n", "10", *extra_args)
    equal(d.find_element(By.ID, "count").text, count_text(count(query)), f"{what}: the count")
    items = d.find_elements(By.CSS_SELECTOR, "#results > li.result")
    equal([i.find_element(By.CSS_SELECTOR, ".title").text for i in items],
          [r["title"] or r["id"] for r in want["results"]], f"{what}: the titles, in order")
    for item, r in zip(items, want["results"]):
        marks = texts(d, ".snippet mark", item)
        equal(marks, [byte_slice(r["snippet"], a, b) for a, b in r["highlights"]],
              f"{what}: the highlighted words of {r['id']}")
    return want


def check_no_hscroll(d, what):
    widths = d.execute_script("return [document.documentElement.scrollWidth, document.body.scrollWidth,"
                              " window.innerWidth]")
    check(max(widths[0], widths[1]) <= widths[2], f"{what}: no horizontal scroll at {widths[2]} px (scrollWidth {widths[:2]})")


def main(d):
    # Home, and the query syntax a click away.
    d.get(BASE)
    equal(wait_view(d, "home"), "ready", "the home view")
    help_panel = d.find_element(By.ID, "help")
    help_panel.find_element(By.TAG_NAME, "summary").click()
    WebDriverWait(d, 5).until(lambda d: help_panel.find_element(By.TAG_NAME, "table").is_displayed())
    check("speaker:" in help_panel.text and "date:2024-01" in help_panel.text, "the help panel lists the fields")
    shot(d, "01-home-help")
    help_panel.find_element(By.TAG_NAME, "summary").click()

    # A query typed and sent with Enter: the count, the titles and the highlights of news-search.
    q1 = "said"
    search_by_typing(d, q1)
    equal(wait_view(d, "search"), "ready", "the search view")
    equal(hash_params(d).get("q"), q1, "the URL holds the query")
    check_results(d, q1, f"query {q1!r}")
    check(d.find_elements(By.CSS_SELECTOR, "#results .speakers a"), "results show their speakers")
    csv_href = d.find_element(By.ID, "csv").get_attribute("href")
    check("api/search.csv?" in csv_href and "q=said" in csv_href, f"a CSV link for the results: {csv_href}")
    shot(d, "02-results")

    # The next page, then the sort (newest first).
    d.find_element(By.CSS_SELECTOR, "#pager a.next").click()
    equal(wait_view(d, "search"), "ready", "page 2")
    equal(hash_params(d).get("offset"), "10", "the URL holds the offset")
    want = search_json(q1, "-n", "10", "--offset", "10")
    equal(texts(d, "#results .title"), [r["title"] or r["id"] for r in want["results"]], "page 2: the titles")
    Select(d.find_element(By.ID, "sort")).select_by_value("-date")
    equal(wait_view(d, "search"), "ready", "sorted newest first")
    equal(hash_params(d).get("sort"), "-date", "the URL holds the sort")
    equal(hash_params(d).get("offset"), None, "a new sort starts at the first page")
    check_results(d, q1, "newest first", sort="-date")

    # The sidebar and the chart show what the server counts.
    served = api("search?" + urllib.parse.urlencode({"q": q1, "facet": "speaker:10"}))
    has_facets = check("facets" in served, "the server counts facets")

    # A facet value (the first speaker): its filter is appended, visibly; the results are the new query's.
    buttons = d.find_elements(By.CSS_SELECTOR, '#facets section[data-field="speaker"] button.facet-value')
    want_speakers = [v["value"] for f in served.get("facets", []) if f.get("field") == "speaker" for v in f["values"]]
    equal([b.find_element(By.CSS_SELECTOR, ".name").text for b in buttons], want_speakers,
          "the speaker facet shows the server's values, in order")
    if has_facets and check(buttons, "a speaker facet is shown"):
        b = buttons[0]
        filt = b.get_attribute("data-filter")
        facet_n = int(b.find_element(By.CSS_SELECTOR, ".n").text.replace(",", ""))
        b.click()
        equal(wait_view(d, "search"), "ready", "after the facet click")
        q2 = f"{q1} {filt}"
        equal(query_box(d), q2, "the facet's filter is in the query box")
        equal(hash_params(d).get("q"), q2, "and in the URL")
        equal(count(q2), facet_n, f"the facet's count is news-search --count of {q2!r}")
        check_results(d, q2, "after the facet", sort="-date")
        pressed = d.find_elements(By.CSS_SELECTOR, '#facets button.facet-value[aria-pressed="true"]')
        equal([x.get_attribute("data-filter") for x in pressed], [filt], "the value in the query is shown pressed")
        shot(d, "03-facet")
    else:
        q2 = q1

    # The chart: one bar per month with matches, the keyboard on a month narrows to it.
    months = d.find_elements(By.CSS_SELECTOR, "#chart g.month")
    chart = api("facets?" + urllib.parse.urlencode({"q": q2, "facet": "month:1000", "split": "source:8"})) if has_facets else {}
    served = next((f for f in chart.get("facets", []) if f.get("field") == "month"), {"values": []})["values"]
    equal([m.get_attribute("data-month") for m in months], [v["value"] for v in served],
          "the chart has a bar for each month the server counts")
    if has_facets:
        check(d.find_elements(By.CSS_SELECTOR, "#chart-legend li"), "the chart has a legend")
    if has_facets and check(months, "the chart has months"):
        stops = d.find_elements(By.CSS_SELECTOR, '#chart g.month[tabindex="0"]')
        equal([x.get_attribute("data-month") for x in stops], [months[-1].get_attribute("data-month")],
              "the chart is one tab stop, on the last month")
        d.execute_script("arguments[0].focus()", stops[0])
        m = months[-2] if len(months) > 1 else months[-1]
        if len(months) > 1:
            d.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
        equal(d.switch_to.active_element.get_attribute("data-month"), m.get_attribute("data-month"),
              "the left arrow moves to the month before")
        mfilt = m.get_attribute("data-filter")
        d.switch_to.active_element.send_keys(Keys.ENTER)
        equal(wait_view(d, "search"), "ready", "after the month")
        q3 = f"{q2} {mfilt}"
        equal(query_box(d), q3, "the month's filter is in the query box")
        check_results(d, q3, "after the month", sort="-date")
        equal(count(q3), next(v["articles"] for v in served if v["filter"] == mfilt),
              "the month's count is news-search --count with its filter")
    else:
        q3 = q2
    shot(d, "04-month")

    # An article: every quote marked, with its speaker, the text as news-search --get has it.
    first = d.find_element(By.CSS_SELECTOR, "#results .title a")
    first.click()
    equal(wait_view(d, "article"), "ready", "the article view")
    art_id = hash_params(d)["id"]
    check_article(d, art_id, "the first result")
    shot(d, "05-article")

    # A speaker of the article: their quotes, newest first, and a search within them.
    who = d.find_elements(By.CSS_SELECTOR, "#article-view a.who")
    if check(who, "the article has a marked quote"):
        name = who[0].text
        who[0].click()
        equal(wait_view(d, "speaker"), "ready", "the speaker view")
        check_speaker(d, name, "")
        shot(d, "06-speaker")
        quotes = texts(d, "#timeline q")
        word = next((w.strip(".,;:!?“”\"'") for q in quotes for w in q.split() if len(w.strip(".,;:!?“”\"'")) > 4), None)
        if check(word, "a word to search within the quotes"):
            box = d.find_element(By.ID, "sq")
            box.send_keys(word + Keys.ENTER)
            equal(wait_view(d, "speaker"), "ready", "searching within the speaker's quotes")
            equal(hash_params(d).get("q"), word, "the URL holds the speaker's query")
            check_speaker(d, name, word)
            shot(d, "07-speaker-within")
            d.back()
            equal(wait_view(d, "speaker"), "ready", "back: the speaker without a query")
            equal(d.find_element(By.ID, "sq").get_attribute("value"), "", "back: the box is empty again")
        d.back()
        equal(wait_view(d, "article"), "ready", "back: the article")
        equal(hash_params(d).get("id"), art_id, "back: the same article")

    d.back()
    equal(wait_view(d, "search"), "ready", "back: the results")
    equal(query_box(d), q3, "back: the query box holds the query again")
    check_results(d, q3, "back: the results", sort="-date")
    d.back()
    equal(wait_view(d, "search"), "ready", "back again: the results before the month")
    equal(query_box(d), q2, "back again: the query before the month")

    # An id with / # ? % and a space, and non-ASCII text (byte offsets): opened by its URL.
    d.get(BASE + "#" + urllib.parse.urlencode({"view": "article", "id": ODD_ID}))
    equal(wait_view(d, "article"), "ready", "an article whose id needs encoding")
    check_article(d, ODD_ID, "the odd id")
    zh = search_json("lang:zh", "-n", "1")["results"]
    if check(zh, "the corpus has a Chinese article"):
        d.get(BASE + "#" + urllib.parse.urlencode({"view": "article", "id": zh[0]["id"]}))
        equal(wait_view(d, "article"), "ready", "the Chinese article")
        check_article(d, zh[0]["id"], "the Chinese article")
        shot(d, "08-article-zh")

    # A speaker the article names by the surname alone, linked by the alias table: shown as the
    # person ("Obama" in the fixture ca-20100915-05 is Barack Obama), in the article and results.
    linked = get_article("ca-20100915-05")
    persons = {s["name"]: s.get("person") for s in linked["speakers"]}
    equal(persons.get("Obama"), "Barack Obama", "news-search names the person a surname stands for")
    d.get(BASE + "#" + urllib.parse.urlencode({"view": "article", "id": "ca-20100915-05"}))
    equal(wait_view(d, "article"), "ready", "the article naming Obama by his surname")
    check_article(d, "ca-20100915-05", "a surname linked to a person")
    check("Barack Obama" in texts(d, "#article-view a.who"), "the quote's label is the person")
    d.get(BASE + "#" + urllib.parse.urlencode({"q": "speaker:\"barack obama\" date:2010-09"}))
    equal(wait_view(d, "search"), "ready", "a search finding the article")
    check("Barack Obama" in texts(d, "#results .speakers a"), "the results show the person too")

    # Markup in the data is text: shown as written, never run or parsed.
    d.get(BASE + "#" + urllib.parse.urlencode({"q": "markup"}))
    equal(wait_view(d, "search"), "ready", "a search finding markup")
    check_results(d, "markup", "markup in the data")
    check(MARKUP_TITLE in texts(d, "#results .title"), "a title with markup is shown as written")
    equal(d.find_elements(By.CSS_SELECTOR, "#results img, #results i, #results b, #results script"), [],
          "no element made from the data's markup")
    d.get(BASE + "#" + urllib.parse.urlencode({"view": "article", "id": "wire/markup"}))
    equal(wait_view(d, "article"), "ready", "the article with markup")
    check_article(d, "wire/markup", "markup in the text")
    equal(d.find_elements(By.CSS_SELECTOR, "#article-view img, #article-view b, #article-view script"), [],
          "no element made from the article's markup")
    equal(d.execute_script("return window.pwned === undefined"), True, "no script from the data ran")

    # A misspelt word: "did you mean", a link to the corrected search.
    sug = search_json("drougth", "-n", "10").get("suggestion")
    if check(sug, "news-search suggests a correction of 'drougth'"):
        d.get(BASE + "#" + urllib.parse.urlencode({"q": "drougth"}))
        equal(wait_view(d, "search"), "ready", "a misspelt search")
        check(d.find_element(By.ID, "suggestion").is_displayed(), "the suggestion is shown")
        link = d.find_element(By.ID, "suggestion-link")
        equal(link.text, sug["query"], "the suggestion's query")
        check(f"{sug['total']} articles" in d.find_element(By.ID, "suggestion-count").text, "the suggestion's count")
        shot(d, "did-you-mean")
        link.click()
        equal(wait_view(d, "search"), "ready", "the suggested search")
        equal(query_box(d), sug["query"], "the link searches the correction")
        check(not d.find_element(By.ID, "suggestion").is_displayed(), "no suggestion for the corrected query")
        check_results(d, sug["query"], "the corrected search")

    # Wire copies: the farm-water story stands for its two copies, with their outlets.
    hit = search_json("federal water managers date:2023-08-22", "-n", "10")["results"][0]
    if check(hit.get("copies"), "news-search groups the farm-water copies"):
        d.get(BASE + "#" + urllib.parse.urlencode({"q": "federal water managers date:2023-08-22"}))
        equal(wait_view(d, "search"), "ready", "a story with copies")
        equal(len(d.find_elements(By.CSS_SELECTOR, "#results > li")), 1, "one result for the story")
        shown = texts(d, "#results .copies")
        want = f"{hit['copies']['articles']} copies: {', '.join(hit['copies']['outlets'])}; first seen {hit['copies']['first_seen']}"
        equal(shown, [want], "the copies line")

    # A mistake in the query: shown under the box at its column, the cursor there.
    d.get(BASE)
    wait_view(d, "home")
    bad = 'drought "crisis'
    search_by_typing(d, bad)
    equal(wait_view(d, "search"), "error", "a bad query")
    err = d.find_element(By.ID, "query-error")
    check(err.is_displayed() and "Column 9" in err.text, f"the error names the column: {err.text!r}")
    equal(err.find_element(By.CSS_SELECTOR, ".err-at").text, '"', "the error marks the character at the column")
    equal(d.execute_script("return document.activeElement.id + ':' + document.activeElement.selectionStart"), "q:8",
          "the cursor is put at the column")
    shot(d, "09-error")

    # The keyboard: "/" goes to the box, Tab from the box reaches the button; focus is visible.
    d.find_element(By.TAG_NAME, "body").click()
    d.switch_to.active_element.send_keys("/")
    equal(d.switch_to.active_element.get_attribute("id"), "q", "'/' focuses the search box")
    d.switch_to.active_element.send_keys(Keys.TAB)
    btn = d.switch_to.active_element
    equal((btn.tag_name, btn.get_attribute("type")), ("button", "submit"), "Tab goes from the box to its button")
    check(btn.value_of_css_property("outline-style") not in ("none", ""), "the focused button shows its focus")

    # A phone-width window: one column, no horizontal scroll in any view.
    d.set_window_size(375, 812)
    WebDriverWait(d, 5).until(lambda d: d.execute_script("return window.innerWidth") <= 375)
    d.get(BASE + "#" + urllib.parse.urlencode({"q": q2}))
    equal(wait_view(d, "search"), "ready", "narrow: results")
    check_no_hscroll(d, "narrow results")
    if has_facets:
        sizes = d.execute_script("const p = document.querySelector('#chart-plot'), s = p.querySelector('svg');"
                                 "return [s ? +s.getAttribute('width') : -1, p.clientWidth]")
        check(0 < sizes[0] <= sizes[1], f"narrow: the chart is drawn at the width it has (svg, box): {sizes}")
    shot(d, "10-narrow-results")
    if has_facets:
        d.find_element(By.CSS_SELECTOR, "#refine > summary").click()
    d.find_element(By.CSS_SELECTOR, "#help > summary").click()
    check_no_hscroll(d, "narrow results with the help and the facets open")
    shot(d, "11-narrow-help")
    d.find_element(By.CSS_SELECTOR, "#help > summary").click()
    d.get(BASE + "#" + urllib.parse.urlencode({"view": "article", "id": art_id}))
    equal(wait_view(d, "article"), "ready", "narrow: article")
    check_no_hscroll(d, "narrow article")
    shot(d, "12-narrow-article")
    d.get(BASE + "#" + urllib.parse.urlencode({"view": "article", "id": ODD_ID}))
    equal(wait_view(d, "article"), "ready", "narrow: the odd article")
    check_no_hscroll(d, "narrow article with a long id")
    if who:
        d.get(BASE + "#" + urllib.parse.urlencode({"view": "speaker", "name": name}))
        equal(wait_view(d, "speaker"), "ready", "narrow: speaker")
        check_no_hscroll(d, "narrow speaker")
        shot(d, "13-narrow-speaker")

    # No script error on the way (a 400 of the bad query is logged as a failed load: not ours).
    logs = [e for e in d.get_log("browser") if e["level"] == "SEVERE" and "Failed to load resource" not in e["message"]]
    equal(logs, [], "no error in the browser's console")


def check_article(d, id_, what):
    a = get_article(id_)
    equal(d.find_element(By.ID, "article-title").text, a["title"] or a["id"], f"{what}: the title")
    # A one-word speaker linked to a person ("Obama") is shown as that person ("Barack Obama").
    want = sorted(((q["start"], byte_slice(a["text"], q["start"], q["end"]), s.get("person") or s["name"])
                   for s in a["speakers"] for q in s["quotes"]))
    marks = d.find_elements(By.CSS_SELECTOR, "#article-view mark.quote")
    got = [(m.text, m.get_attribute("data-speaker")) for m in marks]
    equal(got, [(t, n) for _, t, n in want], f"{what}: each quote marked, with its speaker")
    equal(texts(d, "#article-view a.who"), [n for _, _, n in want], f"{what}: the speaker's name beside each quote")
    equal(texts(d, "#article-view .speaker-list .who-line a"), [s.get("person") or s["name"] for s in a["speakers"]],
          f"{what}: the list of speakers")
    body = d.execute_script("const t = document.querySelector('#article-view .article-text').cloneNode(true);"
                            "t.querySelectorAll('a.who').forEach((a) => a.remove()); return t.textContent;")
    equal(body, a["text"], f"{what}: the whole text, besides the speakers' names")


def check_speaker(d, name, q):
    params = {"n": "20", "offset": "0"}
    if q:
        params["q"] = q
    served = api("speaker/" + urllib.parse.quote(name, safe="") + "?" + urllib.parse.urlencode(params))
    canonical = served.get("name") or served.get("speaker", {}).get("name") or name
    equal(d.find_element(By.ID, "speaker-name").text, canonical, f"speaker {name!r} {q!r}: the name")
    items = d.find_elements(By.CSS_SELECTOR, "#timeline .speaker-item")
    equal([i.find_element(By.CSS_SELECTOR, ".meta a").text for i in items],
          [r["title"] or r["id"] for r in served["results"]], f"speaker {name!r} {q!r}: the articles, in order")
    dates = [r["date"] for r in served["results"] if r.get("date")]
    equal(dates, sorted(dates, reverse=True), f"speaker {name!r} {q!r}: newest first")
    check(all(i.find_elements(By.CSS_SELECTOR, "q") for i in items), f"speaker {name!r} {q!r}: every article shows a quote")


if not wait_for_server():
    print(f"FAIL: news-serve did not start (log: {serve_log.name})")
    sys.exit(1)
driver = None
try:
    driver = start_browser()
    main(driver)
except Exception as e:  # a failed wait or a missing element: report it, keep the screenshot
    failures += 1
    where = [f"line {f.lineno}" for f in traceback.extract_tb(e.__traceback__) if f.filename == __file__]
    print(f"FAIL ({', '.join(where)}): {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}", flush=True)
    if driver:
        shot(driver, "failure")
finally:
    if driver:
        driver.quit()
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
print(f"{checks - failures} passed, {failures} failed; screenshots in {args.screenshots}")
sys.exit(1 if failures else 0)
