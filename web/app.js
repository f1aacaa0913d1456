/**
 * @file news-search's page: reads the state from the URL's hash, asks news-serve's JSON API
 * (/api/search, /api/facets, /api/article/ID, /api/speaker/NAME) and draws the search, article
 * and speaker views. Every text from the data goes in through textContent (the helpers h() and
 * svg() below), never innerHTML. Facet and month filters are the strings the server gives.
 */
'use strict';

const PAGE_SIZE = 10;
const SPEAKER_PAGE = 20;
const MAX_OFFSET = 100000;  // news-serve's limit on offset
/** The sidebar's facets, in this order; months are the chart. */
const FACETS = ['speaker:10', 'source:10', 'person:10', 'topic:10', 'place:10', 'author:10', 'year:40'];
const FACET_TITLES = {
  speaker: 'Speakers', source: 'Sources', person: 'People named', topic: 'Topics', place: 'Places',
  author: 'Authors', year: 'Years', month: 'Months', day: 'Days', language: 'Languages',
};
/** Months asked for the chart (all of them in practice), split by the top sources. */
const CHART_FACET = 'month:1000';
const CHART_SPLIT = 'source:8';
const PALETTE = ['#3366aa', '#dd7733', '#339955', '#cc4455', '#8866bb', '#997744', '#cc66aa', '#44aaaa'];
const OTHER_COLOR = '#9a9a9a';
const NARROW = window.matchMedia('(max-width: 720px)');

/** A speaker as shown: the person the archive makes a one-word name ("Obama" is "Barack
 * Obama" where news-search's alias table links them: `person`), else the name as written. */
const shownName = (s) => s.person || s.name;
/** How the article itself names a speaker shown by another name. */
const aka = (s) => (s.person && s.person !== s.name ? `named \u201C${s.name}\u201D here` : '');

/** news-serve --token: the page opened as /?token=T passes it on to every API call. */
const TOKEN = new URLSearchParams(location.search).get('token');

const $ = (sel) => document.querySelector(sel);
const fmt = new Intl.NumberFormat('en');

/* ---------- DOM helpers: text goes in as text ---------- */

/** Makes an element: props are attributes (class, text, on*, dataset), children nodes or strings. */
function h(tag, props, ...children) {
  return fill(document.createElement(tag), props, children);
}

/** The same for SVG elements. */
function svg(tag, props, ...children) {
  return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), props, children);
}

function fill(el, props, children) {
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** An http(s) URL from the data as a link target, else null (no javascript: links). */
function safeUrl(u) {
  try {
    const url = new URL(u, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/* ---------- UTF-8 byte offsets (the API's) to JavaScript string indices ---------- */

const encoder = new TextEncoder();

/**
 * Returns a function mapping a UTF-8 byte offset into @p s to the UTF-16 index of the same
 * place (a byte inside a character maps to the character's start).
 * **Example**: byteMapper('é!')(2) === 1.
 */
function byteMapper(s) {
  const nbytes = encoder.encode(s).length;
  const at = new Uint32Array(nbytes + 1);
  let b = 0;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i);
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes && b + k < nbytes; k++) at[b + k] = i;
    b += bytes;
    i += cp > 0xffff ? 2 : 1;
  }
  at[nbytes] = s.length;
  return (byte) => at[Math.max(0, Math.min(byte, nbytes))];
}

/**
 * Appends @p text to @p parent with the byte ranges [start, end) wrapped by wrap(text, range)
 * (ranges sorted by start; one overlapping an earlier one is left out).
 */
function appendMarked(parent, text, ranges, wrap) {
  const toIndex = byteMapper(text);
  let pos = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const from = toIndex(r.start);
    const to = toIndex(r.end);
    if (from < pos || to <= from) continue;
    if (from > pos) parent.append(text.slice(pos, from));
    parent.append(wrap(text.slice(from, to), r));
    pos = to;
  }
  if (pos < text.length) parent.append(text.slice(pos));
  return parent;
}

/** A snippet with its highlights ([start, end] byte pairs, or {start, end}) as <mark>s. */
function snippetNode(snippet, highlights) {
  const ranges = (highlights || []).map((x) => (Array.isArray(x) ? { start: x[0], end: x[1] } : x));
  return appendMarked(h('p', { class: 'snippet' }), snippet || '', ranges, (t) => h('mark', {}, t));
}

/* ---------- the state in the URL ---------- */

/** The state the hash holds: view (home, search, article, speaker), q, sort, offset, id, name. */
function readState() {
  const p = new URLSearchParams(location.hash.slice(1));
  const q = p.get('q') || '';
  const view = p.get('view') || (q.trim() ? 'search' : 'home');
  const offset = Math.max(0, parseInt(p.get('offset') || '0', 10) || 0);
  const sort = ['relevance', 'date', '-date'].includes(p.get('sort')) ? p.get('sort') : 'relevance';
  return { view, q, sort, offset, id: p.get('id') || '', name: p.get('name') || '' };
}

/** The hash of a state (without the defaults). */
function hashOf(st) {
  const p = new URLSearchParams();
  if (st.view && st.view !== 'search' && st.view !== 'home') p.set('view', st.view);
  if (st.id) p.set('id', st.id);
  if (st.name) p.set('name', st.name);
  if (st.q) p.set('q', st.q);
  if (st.sort && st.sort !== 'relevance') p.set('sort', st.sort);
  if (st.offset) p.set('offset', String(st.offset));
  return '#' + p.toString();
}

/** Goes to a state: a new history entry, or a fresh render when the hash is the same. */
function go(st) {
  const hash = hashOf(st);
  if (hash === location.hash || (hash === '#' && !location.hash)) render();
  else location.hash = hash;
}

const articleHash = (id) => hashOf({ view: 'article', id });
const speakerHash = (name, q = '') => hashOf({ view: 'speaker', name, q });

/* ---------- the API ---------- */

class ApiError extends Error {
  constructor(message, column, status) {
    super(message);
    this.column = column;
    this.status = status;
  }
}

/** GET api/PATH?params as JSON; a 4xx/5xx or an "error" field throws an ApiError. */
async function api(path, params) {
  const query = params && params.toString();
  const headers = { Accept: 'application/json' };
  if (TOKEN) headers.Authorization = `Bearer ${TOKEN}`;
  const res = await fetch('api/' + path + (query ? '?' + query : ''), { headers });
  let data = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok || !data || data.error) {
    throw new ApiError((data && data.error) || `the server answered ${res.status} ${res.statusText}`,
      data && data.column, res.status);
  }
  return data;
}

/* ---------- rendering ---------- */

let generation = 0;       // drops answers to requests a newer render replaced
let lastSearchHash = '';  // the results an article or speaker view goes back to
let pendingFocus = null;  // a selector to focus once the next render is done

function setBusy(view) {
  document.body.dataset.view = view;
  document.body.dataset.state = 'loading';
  delete document.body.dataset.rendered;
}

function setDone(state) {
  document.body.dataset.state = state;
  document.body.dataset.rendered = location.hash;
  if (pendingFocus) {
    const el = document.querySelector(pendingFocus);
    pendingFocus = null;
    if (el) el.focus();
  }
}

function showView(view) {
  for (const v of ['home', 'search', 'article', 'speaker']) $(`#${v}-view`).hidden = v !== view;
}

async function render() {
  const st = readState();
  const gen = ++generation;
  if (st.view === 'search' || st.view === 'home') $('#q').value = st.q;
  hideError($('#query-error'));
  showView(st.view);
  setBusy(st.view);
  try {
    if (st.view === 'search') await renderSearch(st, gen);
    else if (st.view === 'article') await renderArticle(st, gen);
    else if (st.view === 'speaker') await renderSpeaker(st, gen);
    else {
      document.title = 'news-search';
      setDone('ready');
    }
  } catch (err) {
    if (gen !== generation) return;
    console.error(err);
    setDone('error');
  }
}

/* ----- errors, shown next to the box they concern ----- */

function hideError(box) {
  box.hidden = true;
  box.replaceChildren();
}

/** Shows err under a search box: the message and the query with the column's character marked. */
function showError(box, input, err, query) {
  const parts = [h('p', { class: 'msg' }, err.column ? `Column ${err.column}: ${err.message}` : err.message)];
  if (err.column && query) {
    const chars = Array.from(query);
    const col = Math.min(Math.max(err.column - 1, 0), chars.length);
    parts.push(h('p', { class: 'err-query' }, h('code', {},
      chars.slice(0, col).join(''),
      h('mark', { class: 'err-at', title: `column ${err.column}` }, chars[col] || ' '),
      chars.slice(col + 1).join(''))));
    const at = chars.slice(0, col).join('').length;
    input.value = query;
    input.focus();
    input.setSelectionRange(at, at);
  }
  box.replaceChildren(...parts);
  box.hidden = false;
}

/* ----- the search view ----- */

function countText(total, relation) {
  if (relation === 'gte') return `More than ${fmt.format(total)} articles match`;
  if (total === 0) return 'No article matches';
  return total === 1 ? '1 article matches' : `${fmt.format(total)} articles match`;
}

async function renderSearch(st, gen) {
  lastSearchHash = location.hash;
  document.title = `${st.q} – news-search`;
  $('#sort').value = st.sort;
  const base = new URLSearchParams({ q: st.q });
  if (st.sort !== 'relevance') base.set('sort', st.sort);
  const params = new URLSearchParams(base);
  params.set('n', String(PAGE_SIZE));
  params.set('offset', String(st.offset));
  for (const f of FACETS) params.append('facet', f);
  const csv = new URLSearchParams(base);
  csv.set('n', '1000');
  if (TOKEN) csv.set('token', TOKEN);  // (a link cannot carry a header)
  $('#csv').href = 'api/search.csv?' + csv.toString();

  $('#search-view').classList.remove('failed');
  // The chart's counts are asked for at the same time, and drawn with the results.
  const chartParams = new URLSearchParams({ q: st.q, facet: CHART_FACET, split: CHART_SPLIT });
  const chartData = api('facets', chartParams).catch(() => null);
  let data;
  try {
    data = await api('search', params);
  } catch (err) {
    if (gen !== generation) return;
    if (!(err instanceof ApiError) || err.status >= 500) throw err;
    showError($('#query-error'), $('#q'), err, st.q);
    $('#search-view').classList.add('failed');
    $('#count').textContent = 'The query has a mistake';
    $('#suggestion').hidden = true;
    $('#results').replaceChildren();
    $('#facets').replaceChildren();
    $('#pager').replaceChildren();
    $('#chart').hidden = true;
    setDone('error');
    return;
  }
  if (gen !== generation) return;
  $('#count').textContent = countText(data.total, data.total_relation);
  renderSuggestion(data.suggestion, st);
  renderResults(data, st);
  // A server without facets (news-search before them) sends no "facets": no sidebar then.
  $('#search-view').classList.toggle('no-facets', !Array.isArray(data.facets));
  renderFacets(data.facets || [], st);
  renderPager($('#pager'), st, data.total, data.total_relation, PAGE_SIZE, (data.results || []).length);
  const chart = await chartData;
  if (gen !== generation) return;
  const f = chart && (chart.facets || []).find((x) => x.field === 'month');
  lastChart = f && f.values && f.values.length ? f : null;
  drawChart();
  setDone('ready');
}

/** "Did you mean": the corrected query as a link to its search, with what it finds. */
function renderSuggestion(suggestion, st) {
  const p = $('#suggestion');
  p.hidden = !suggestion;
  if (!suggestion) return;
  const link = $('#suggestion-link');
  link.textContent = suggestion.query;
  link.href = hashOf({ view: 'search', q: suggestion.query, sort: st.sort });
  $('#suggestion-count').textContent = `(${countText(suggestion.total, suggestion.total_relation).replace(/ match(es)?$/, '')})`;
}

function renderResults(data, st) {
  const list = $('#results');
  list.start = st.offset + 1;
  list.replaceChildren(...(data.results || []).map((r) => resultItem(r)));
}

function metaLine(r) {
  const bits = [];
  if (r.date) bits.push(h('time', { datetime: r.date }, r.date));
  if (r.source) bits.push(h('span', { class: 'source' }, r.source));
  if (r.authors && r.authors.length) bits.push(h('span', { class: 'authors' }, 'by ' + r.authors.join(', ')));
  if (r.dateline) bits.push(h('span', { class: 'dateline' }, r.dateline));
  const p = h('p', { class: 'meta' });
  bits.forEach((b, i) => p.append(...(i ? [' · ', b] : [b])));
  return p;
}

function resultItem(r) {
  const li = h('li', { class: 'result' },
    h('h2', { class: 'title' }, h('a', { href: articleHash(r.id) }, r.title || r.id)),
    metaLine(r),
    snippetNode(r.snippet, r.highlights));
  if (r.copies) {  // one article per story: the wire copies it stands for
    const c = r.copies;
    li.append(h('p', { class: 'copies' },
      `${c.articles} copies` + (c.outlets.length ? ': ' + c.outlets.join(', ') : '') +
      (c.first_seen ? `; first seen ${c.first_seen}` : '')));
  }
  const mq = r.matched_quotes || [];
  if (mq.length) {
    li.append(h('ul', { class: 'matched-quotes', 'aria-label': 'Quotes matching the query' },
      mq.map((q) => h('li', q.reported ? { class: 'reported' } : {},
        // reported speech is no quotation: no quotation marks, and said so
        q.reported ? [h('span', { class: 'label' }, 'reported: '), q.text] : h('q', {}, q.text),
        q.speaker ? [' — ', h('a', { href: speakerHash(q.speaker) }, q.speaker)] : ' — (speaker unknown)'))));
  }
  const speakers = r.speakers || [];
  if (speakers.length) {
    const p = h('p', { class: 'speakers' }, h('span', { class: 'label' }, 'Quoted: '));
    speakers.forEach((s, i) => {
      if (i) p.append(', ');
      p.append(h('a', { href: speakerHash(shownName(s)), title: aka(s) || s.role || null }, shownName(s)));
      const n = (s.quotes || []).length;
      if (n > 1) p.append(h('span', { class: 'n' }, ` (${n})`));
    });
    li.append(p);
  }
  return li;
}

function renderPager(nav, st, total, relation, size, shown) {
  nav.replaceChildren();
  if (!total) return;
  const first = st.offset + 1;
  const last = st.offset + shown;
  const more = relation === 'gte' || last < total;
  if (st.offset > 0) {
    nav.append(h('a', { class: 'prev', rel: 'prev', href: hashOf({ ...st, offset: Math.max(0, st.offset - size) }),
      onclick: () => { pendingFocus = nav.id === 'pager' ? '#count' : '#speaker-name'; } }, '← Previous'));
  }
  if (shown && (st.offset > 0 || more)) nav.append(h('span', { class: 'range' }, `${fmt.format(first)}–${fmt.format(last)}`));
  if (more && shown === size && st.offset + size <= MAX_OFFSET) {
    nav.append(h('a', { class: 'next', rel: 'next', href: hashOf({ ...st, offset: st.offset + size }),
      onclick: () => { pendingFocus = nav.id === 'pager' ? '#count' : '#speaker-name'; } }, 'Next →'));
  }
}

/* ----- facets: their filters go into the query box ----- */

/** True when the query holds a top-level OR/XOR, which an appended filter would bind to. */
function hasTopLevelOr(q) {
  let depth = 0;
  let quoted = false;
  for (const m of q.matchAll(/"|\(|\)|\b(?:X?OR)\b/g)) {
    const t = m[0];
    if (t === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (t === '(') depth++;
    else if (t === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) return true;
  }
  return false;
}

function hasFilter(q, filter) {
  return (' ' + q + ' ').includes(' ' + filter + ' ');
}

/** The query with filter added (or taken out when it is there already). */
function toggleFilter(q, filter) {
  q = q.trim();
  if (hasFilter(q, filter)) return (' ' + q + ' ').replace(' ' + filter + ' ', ' ').trim();
  if (!q) return filter;
  return (hasTopLevelOr(q) ? `(${q})` : q) + ' ' + filter;
}

function applyFilter(filter) {
  const st = readState();
  const q = toggleFilter(st.q, filter);
  $('#q').value = q;
  go({ view: 'search', q, sort: st.sort, offset: 0 });
}

function renderFacets(facets, st) {
  const box = $('#facets');
  const groups = [];
  for (const f of facets) {
    const values = f.values || [];
    if (!values.length) continue;
    const more = f.distinct > values.length ? ` (top ${values.length} of ${fmt.format(f.distinct)})` : '';
    groups.push(h('section', { class: 'facet', dataset: { field: f.field } },
      h('h2', {}, FACET_TITLES[f.field] || f.field, more ? h('span', { class: 'of' }, more) : null),
      h('ul', {}, values.map((v) => {
        const on = hasFilter(st.q, v.filter);
        const label = `${v.value}: ${fmt.format(v.articles)} article${v.articles === 1 ? '' : 's'}` +
          (v.quotes != null ? `, ${fmt.format(v.quotes)} quote${v.quotes === 1 ? '' : 's'} asked about` : '') +
          (on ? ' (in the query: click to remove)' : '');
        return h('li', {}, h('button', {
          type: 'button', class: 'facet-value', 'aria-pressed': on ? 'true' : 'false', title: label,
          'aria-label': label, dataset: { filter: v.filter },
          onclick: () => {
            pendingFocus = `#facets button[data-filter="${CSS.escape(v.filter)}"]`;
            applyFilter(v.filter);
          },
        },
        h('span', { class: 'name' }, v.value),
        h('span', { class: 'n' }, fmt.format(v.articles)),
        // Shown under speakers only ("who is quoted most about X"); the label has them all.
        f.field === 'speaker' && v.quotes > 0
          ? h('span', { class: 'quotes' }, `${fmt.format(v.quotes)} quote${v.quotes === 1 ? '' : 's'}`) : null));
      }))));
  }
  box.replaceChildren(...groups);
  if (!groups.length) box.append(h('p', { class: 'none' }, 'Nothing to refine by.'));
}

/* ----- the attention-over-time chart: stacked bars per month, by source ----- */

let lastChart = null;  // the month facet drawn, to draw it again at another width
let drawnWidth = 0;


const monthIndex = (v) => {
  const m = /^(\d{4})-(\d{2})/.exec(v);
  return m ? parseInt(m[1], 10) * 12 + parseInt(m[2], 10) - 1 : null;
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function drawChart() {
  const fig = $('#chart');
  const f = lastChart;
  if (!f) {
    fig.hidden = true;
    return;
  }
  fig.hidden = false;
  const months = f.values.filter((v) => monthIndex(v.value) != null);
  // The sources in the order of their articles over all months; the rest is "other".
  // (split_values: the server's totals per source over all months, most articles first.)
  const totals = new Map();
  for (const m of months) for (const s of m.split || []) totals.set(s.value, (totals.get(s.value) || 0) + s.articles);
  const order = Array.isArray(f.split_values) ? f.split_values.map((v) => v.value)
    : [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a));
  const sources = order.filter((v) => totals.has(v)).slice(0, PALETTE.length);
  const color = new Map(sources.map((s, i) => [s, PALETTE[i]]));
  let anyOther = false;
  const stacks = months.map((m) => {
    const segs = [];
    let sum = 0;
    for (const s of m.split || []) {
      if (!color.has(s.value)) continue;
      segs.push({ name: s.value, n: s.articles, color: color.get(s.value) });
      sum += s.articles;
    }
    if (m.articles > sum) {
      segs.push({ name: 'other', n: m.articles - sum, color: OTHER_COLOR });
      anyOther = true;
    }
    return { m, i: monthIndex(m.value), segs };
  });

  const plot = $('#chart-plot');
  // Drawn at the width it has; while it has none (hidden), the ResizeObserver draws it later.
  drawnWidth = Math.floor(plot.clientWidth);
  if (!drawnWidth) {
    plot.replaceChildren();
    return;
  }
  const width = Math.max(240, drawnWidth);
  const height = 160;
  const ml = 30, mr = 8, mt = 8, mb = 22;
  // At least a year on the axis, so that a few months stand in their time.
  let i0 = Math.min(...stacks.map((s) => s.i));
  let i1 = Math.max(...stacks.map((s) => s.i));
  if (i1 - i0 + 1 < 12) {
    const pad = 12 - (i1 - i0 + 1);
    i0 -= Math.floor(pad / 2);
    i1 += Math.ceil(pad / 2);
  }
  const n = i1 - i0 + 1;
  const slot = (width - ml - mr) / n;
  const barW = slot >= 3 ? Math.min(40, Math.max(1, slot * 0.8)) : slot;
  const max = Math.max(1, ...months.map((m) => m.articles));
  const y = (v) => mt + (height - mt - mb) * (1 - v / max);

  const root = svg('svg', {
    width, height, viewBox: `0 0 ${width} ${height}`, role: 'group',
    'aria-label': `Matches per month from ${months[0].value} to ${months[months.length - 1].value}`,
  });
  // Axes: the maximum, zero, and month or year labels at least 44 px apart.
  root.append(
    svg('line', { x1: ml, x2: width - mr, y1: y(0), y2: y(0), class: 'axis' }),
    svg('line', { x1: ml, x2: width - mr, y1: y(max), y2: y(max), class: 'grid' }),
    svg('text', { x: ml - 4, y: y(max) + 4, 'text-anchor': 'end', class: 'tick' }, fmt.format(max)),
    svg('text', { x: ml - 4, y: y(0), 'text-anchor': 'end', class: 'tick' }, '0'));
  // The first label of months within a year also names the year.
  const step = [1, 2, 3, 6, 12, 24, 60, 120, 240].find((s) => s * slot >= 44) || 480;
  let labelled = false;
  for (let i = i0; i <= i1; i++) {
    if (i % step !== 0) continue;
    const yr = Math.floor(i / 12);
    const label = step >= 12 || i % 12 === 0 ? String(yr) : MONTHS[i % 12] + (labelled ? '' : ` ${yr}`);
    const x = ml + (i - i0 + 0.5) * slot;
    if (x > width - mr - 10) continue;
    root.append(svg('text', { x, y: height - 6, 'text-anchor': 'middle', class: 'tick' }, label));
    labelled = true;
  }
  const bars = [];
  for (const s of stacks) {
    const x = ml + (s.i - i0) * slot;
    const hitW = Math.max(slot, 8);
    const desc = `${s.m.value}: ${fmt.format(s.m.articles)} article${s.m.articles === 1 ? '' : 's'}` +
      (s.segs.length > 1 || s.segs[0]?.name !== 'other' ? ' (' + s.segs.map((g) => `${g.name} ${g.n}`).join(', ') + ')' : '');
    const on = hasFilter(readState().q, s.m.filter);
    const g = svg('g', {
      class: 'month', tabindex: 0, role: 'button', 'aria-pressed': on ? 'true' : 'false',
      'aria-label': desc + (on ? '. In the query: click to take it out' : '. Narrow the search to this month'),
      dataset: { filter: s.m.filter, month: s.m.value },
      onclick: () => applyFilter(s.m.filter),
      onkeydown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          applyFilter(s.m.filter);
        } else if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
          e.preventDefault();
          const at = bars.indexOf(g);
          const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: bars.length - 1 }[e.key];
          if (bars[to]) {
            g.setAttribute('tabindex', '-1');
            bars[to].setAttribute('tabindex', '0');
            bars[to].focus();
          }
        }
      },
    }, svg('title', {}, desc),
    svg('rect', { class: 'hit', x: x + slot / 2 - hitW / 2, y: mt, width: hitW, height: height - mt - mb }));
    let acc = 0;
    for (const seg of s.segs) {
      g.append(svg('rect', { x: x + (slot - barW) / 2, y: y(acc + seg.n), width: barW,
        height: Math.max(0.5, y(acc) - y(acc + seg.n)), fill: seg.color }));
      acc += seg.n;
    }
    root.append(g);
    bars.push(g);
  }
  // One tab stop for the chart (the month in the query, else the last); arrows move along it.
  const current = bars.find((b) => b.getAttribute('aria-pressed') === 'true') || bars[bars.length - 1];
  for (const b of bars) b.setAttribute('tabindex', b === current ? '0' : '-1');
  plot.replaceChildren(root);
  const legend = $('#chart-legend');
  const items = sources.map((s) => [s, color.get(s)]);
  if (anyOther) items.push(['other sources', OTHER_COLOR]);
  legend.replaceChildren(...items.map(([name, c]) =>
    h('li', {}, h('span', { class: 'swatch', style: `background:${c}`, 'aria-hidden': 'true' }), name)));
}

/* ----- the article view: the whole text, each quote marked with its speaker ----- */

function backLink() {
  return lastSearchHash ? h('a', { href: lastSearchHash, class: 'back-link' }, '← Back to the results') : null;
}

async function renderArticle(st, gen) {
  const view = $('#article-view');
  let data;
  try {
    data = await api('article/' + encodeURIComponent(st.id));
  } catch (err) {
    if (gen !== generation) return;
    if (!(err instanceof ApiError) || err.status >= 500) throw err;
    view.replaceChildren(h('p', { class: 'back' }, backLink()), h('h1', {}, 'No such article'),
      h('p', {}, err.message));
    document.title = 'No such article – news-search';
    setDone('error');
    return;
  }
  if (gen !== generation) return;
  const a = (data.articles || [])[0];
  if (!a) {
    view.replaceChildren(h('p', { class: 'back' }, backLink()), h('h1', {}, 'No such article'),
      h('p', {}, `There is no article with the id ${st.id}.`));
    setDone('error');
    return;
  }
  document.title = `${a.title || a.id} – news-search`;
  const speakers = a.speakers || [];
  // Every quote with its speaker and number, in text order.
  const quotes = [];
  speakers.forEach((s, si) => (s.quotes || []).forEach((q) => quotes.push({ ...q, speaker: s, si })));
  quotes.sort((x, y) => x.start - y.start);
  quotes.forEach((q, k) => { q.k = k + 1; });

  const text = h('div', { class: 'article-text', lang: a.language || null });
  appendMarked(text, a.text || '', quotes, (t, q) => {
    const name = shownName(q.speaker);
    const who = name + (q.speaker.role ? `, ${q.speaker.role}` : '') + (aka(q.speaker) ? ` (${aka(q.speaker)})` : '');
    return h('span', { class: 'quote-wrap' },
      h('mark', { class: `quote s${q.si % PALETTE.length}`, id: `quote-${q.k}`, title: `said by ${who}`,
        dataset: { speaker: name } }, t),
      h('a', { class: `who s${q.si % PALETTE.length}`, href: speakerHash(name),
        title: `${who}: all their quotes` }, name));
  });

  const url = safeUrl(a.url);
  const list = h('ul', { class: 'speaker-list' }, speakers.map((s, si) => h('li', { class: `s${si % PALETTE.length}` },
    h('p', { class: 'who-line' },
      h('span', { class: 'swatch', 'aria-hidden': 'true' }),
      h('a', { href: speakerHash(shownName(s)), title: aka(s) || null }, shownName(s)),
      s.role ? h('span', { class: 'role' }, `, ${s.role}`) : null,
      s.kind && s.kind !== 'person' ? h('span', { class: 'kind' }, ` (${s.kind})`) : null),
    h('ol', {}, (s.quotes || []).map((q) => {
      const k = quotes.find((x) => x.start === q.start && x.speaker === s)?.k;
      return h('li', {}, h('button', {
        type: 'button', class: 'quote-link', title: 'show it in the text',
        onclick: () => {
          const m = document.getElementById(`quote-${k}`);
          if (m) {
            m.tabIndex = -1;
            m.scrollIntoView({ block: 'center' });
            m.focus();
          }
        },
      }, `“${q.text}”`));
    })))));

  view.replaceChildren(
    h('p', { class: 'back' }, backLink()),
    h('article', { class: 'article' },
      h('h1', { id: 'article-title', tabindex: -1 }, a.title || a.id),
      metaLine(a),
      a.dek ? h('p', { class: 'dek' }, a.dek) : null,
      h('div', { class: 'article-layout' },
        text,
        h('aside', { class: 'quotes-aside', 'aria-labelledby': 'who-h' },
          h('h2', { id: 'who-h' }, speakers.length ? 'Who is quoted' : 'Nobody is quoted'),
          list)),
      h('dl', { class: 'facts' },
        facts([['Id', a.id], ['Topics', (a.topics || []).join(', ')], ['People named', (a.persons || []).join(', ')],
          ['Organisations', (a.organizations || []).join(', ')], ['Language', a.language]]),
        url ? [h('dt', {}, 'Original'), h('dd', {}, h('a', { href: url, rel: 'noopener noreferrer' }, a.url))] : null)));
  pendingFocus = '#article-title';
  setDone('ready');
}

function facts(pairs) {
  return pairs.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]);
}

/* ----- the speaker view: their quotes, newest first, searchable ----- */

async function renderSpeaker(st, gen) {
  $('#speaker-back').replaceChildren(backLink() || '');
  $('#sq').value = st.q;
  hideError($('#speaker-error'));
  $('#speaker-name').textContent = st.name;
  document.title = `${st.name} – news-search`;
  const params = new URLSearchParams({ n: String(SPEAKER_PAGE), offset: String(st.offset) });
  if (st.q) params.set('q', st.q);
  let data;
  try {
    data = await api('speaker/' + encodeURIComponent(st.name), params);
  } catch (err) {
    if (gen !== generation) return;
    if (!(err instanceof ApiError) || err.status >= 500) throw err;
    showError($('#speaker-error'), $('#sq'), err, st.q);
    $('#timeline').replaceChildren();
    $('#speaker-count').textContent = '';
    $('#speaker-pager').replaceChildren();
    setDone('error');
    return;
  }
  if (gen !== generation) return;
  const sp = data.speaker || {};
  const name = data.name || sp.name || st.name;
  const aliases = data.aliases || sp.aliases || [];
  $('#speaker-name').textContent = name;
  document.title = `${name} – news-search`;
  const about = [];
  if (sp.quotes != null && sp.articles != null) {
    about.push(`${fmt.format(sp.quotes)} quote${sp.quotes === 1 ? '' : 's'} in ${fmt.format(sp.articles)} article${sp.articles === 1 ? '' : 's'}`);
  }
  if (sp.kind && sp.kind !== 'person') about.push(`(${sp.kind})`);
  if (aliases.length) about.push(`also named ${aliases.join(', ')}`);
  $('#speaker-aliases').textContent = about.join(' · ');
  const results = data.results || [];
  const total = data.total || 0;
  $('#speaker-count').textContent = total
    ? `${data.total_relation === 'gte' ? 'More than ' : ''}${fmt.format(total)} article${total === 1 ? ' quotes' : 's quote'} ${name}` +
      (st.q ? ` on “${st.q}”` : '') + ', newest first'
    : `No article quotes ${name}` + (st.q ? ` on “${st.q}”` : '');
  // Grouped by year, newest first as the server sends them.
  const years = [];
  for (const r of results) {
    const yr = (r.date || '').slice(0, 4) || 'Undated';
    if (!years.length || years[years.length - 1].yr !== yr) years.push({ yr, items: [] });
    years[years.length - 1].items.push(r);
  }
  $('#timeline').replaceChildren(...years.map(({ yr, items }) => h('li', { class: 'year' },
    h('h2', {}, yr),
    h('ol', { class: 'year-items' }, items.map((r) => speakerItem(r, name))))));
  renderPager($('#speaker-pager'), st, total, data.total_relation, SPEAKER_PAGE, results.length);
  setDone('ready');
}

function speakerItem(r, name) {
  let quotes = r.matched_quotes || [];
  if (!quotes.length) {
    const mine = (r.speakers || []).find((s) => s.name === name);
    quotes = mine ? mine.quotes || [] : [];
  }
  return h('li', { class: 'speaker-item' },
    h('ul', { class: 'said' }, quotes.map((q) => h('li', {}, h('q', {}, q.text)))),
    h('p', { class: 'meta' },
      r.date ? h('time', { datetime: r.date }, r.date) : null, r.date ? ' · ' : null,
      r.source ? [r.source, ' · '] : null,
      h('a', { href: articleHash(r.id) }, r.title || r.id)));
}

/* ---------- wiring ---------- */

function init() {
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $('#q').value.trim();
    if (!q) {
      showError($('#query-error'), $('#q'), { message: 'Type some words to search for.' }, q);
      $('#q').focus();
      return;
    }
    go({ view: 'search', q, sort: readState().view === 'search' ? readState().sort : 'relevance', offset: 0 });
  });
  $('#speaker-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const st = readState();
    go({ view: 'speaker', name: st.name, q: $('#sq').value.trim(), offset: 0 });
  });
  $('#sort').addEventListener('change', () => {
    const st = readState();
    pendingFocus = '#sort';
    go({ ...st, sort: $('#sort').value, offset: 0 });
  });
  $('#skip').addEventListener('click', (e) => {
    e.preventDefault();  // the hash holds the state: move the focus instead
    $('#main').focus();
  });
  $('#home-link').addEventListener('click', (e) => {
    e.preventDefault();
    $('#q').value = '';
    go({ view: 'home' });
    $('#q').focus();
  });
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      $('#q').focus();
      $('#q').select();
    }
  });
  // On a phone the sidebar starts folded, below the chart and above the results.
  $('#refine').open = !NARROW.matches;
  NARROW.addEventListener('change', () => { $('#refine').open = !NARROW.matches; });
  new ResizeObserver(() => {
    if (Math.floor($('#chart-plot').clientWidth) !== drawnWidth) drawChart();
  }).observe($('#chart-plot'));
  window.addEventListener('hashchange', render);
  render();
}

init();
