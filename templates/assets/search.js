// Stadtbote search: a small accessible front end for Pagefind's JS API. Everything is loaded from
// this site; the form stays hidden for readers without JavaScript, who see links to the archive instead.
const PAGE_SIZE = 20;

const form = document.getElementById('search-form');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');

if (form && status && list) {
  const input = form.elements.namedItem('q');
  // The filters of the form, each a select named like its Pagefind filter; the topic select exists only on sites with topics.
  const selects = ['region', 'topic', 'year'].map((name) => form.elements.namedItem(name)).filter(Boolean);
  const text = {
    results: form.dataset.results || '{n}',
    none: form.dataset.noResults || '',
    more: form.dataset.more || 'more',
  };
  let loading;
  let shown = [];
  let offset = 0;
  let moreButton;

  // Loaded once, on the first search; a second search while it loads waits for the same promise,
  // so no part of the index is merged twice.
  const loadIndex = async () => {
    const pagefind = await import(form.dataset.bundle);
    // Result URLs are site paths; Pagefind puts the site's base path in front of them.
    const baseUrl = form.dataset.base || '/';
    // A large archive's index comes in parts of whole years, newest first, that the build renews on
    // their own; Pagefind searches them as one and orders the merged results by score. Sorted by
    // date, a part's scores are its ranks (n … 1); weighted by powers of a base above any part's size,
    // every result of a newer part scores above every result of an older one, so the merged list
    // stays newest first, and each result's part can be read from its score. Each part ends in a
    // record older than every article (which would score 0 otherwise), which the search drops.
    const parts = (form.dataset.merge || '').split(' ').filter(Boolean);
    const base = Number(form.dataset.partBase) || 1;
    const weights = [form.dataset.bundle, ...parts].map((_, i) => base ** (parts.length - i));
    await pagefind.options({ baseUrl, ...(parts.length > 0 ? { indexWeight: weights[0] } : {}) });
    await Promise.all(parts.map((part, i) => pagefind.mergeIndex(part, { baseUrl, indexWeight: weights[i + 1] })));
    return { pagefind, weights, base, verdicts: new Map() };
  };
  const load = () => {
    loading ??= loadIndex().catch((err) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };

  // The part of a merged result: its score is its rank in its part (1 … base-1) times the part's weight.
  const partOf = (index, score) => {
    for (let i = 0; i < index.weights.length; i++) {
      const rank = score / index.weights[i];
      if (Math.abs(rank - Math.round(rank)) < 1e-6 && rank >= 0.5 && rank < index.base - 0.5) return i;
    }
    return -1;
  };

  // Pagefind's query words, as it compares them: lower case, without accents and punctuation.
  const plain = (word) =>
    word
      .toLocaleLowerCase()
      .normalize('NFD')
      .replace(/[\p{M}\p{P}]/gu, '');
  // How far a matched word's length is from the query word's, read back from Pagefind's score of one
  // hit: score = weight² × bonus, bonus = e^(e^(-d²/8) - 1) for d = 1 + the difference (term
  // similarity 1, its default). Exact up to d ≈ 10; further words score the same (Infinity then).
  const lengthGap = (hit) => {
    const bonus = hit.balanced_score / (hit.weight * 24) ** 2;
    if (!(bonus <= 1 + 1e-6) || bonus < Math.exp(-1) - 1e-6) return undefined; // two words at one place
    const d = Math.sqrt(-8 * Math.log(Math.max(1e-300, 1 + Math.log(bonus))));
    return d > 10.5 ? Infinity : Math.round(d);
  };
  // Pagefind's stems are the word or a few letters shorter (German: at most -ungen, -lichen).
  const STEM_CUT = 6;

  // How one part of the index answers one query word. Pagefind matches the words of a part that
  // begin with the query word's stem; only when none does, it falls back to the longest word of
  // that part the stem begins with. One index falls back only when no part has a word beginning
  // with the stem, and then to the longest such word of all parts. A part's answer is read from its
  // newest hit: the word found there, its length gap to the stem (above), and the letters it shares
  // with the query word tell a real match (a word at least as long as the stem that shares it) from
  // a fallback (a shorter word, all of it shared).
  const answerOf = async (hit, query) => {
    const data = await hit.data();
    const located = (data.weighted_locations || []).find((l) => lengthGap(l) !== undefined);
    if (!located) return { real: true, gap: 1, shared: 0 };
    const gap = lengthGap(located);
    if (gap === 1) return { real: true, gap, shared: 0 };
    const found = plain(data.content.split(/\s+/)[located.location] || '');
    let shared = 0;
    while (shared < found.length && shared < query.length && found[shared] === query[shared]) shared++;
    // The stem length each reading implies, for a found word whose stem is 0 … STEM_CUT letters shorter.
    let real = false;
    let fallback = false;
    for (let stem = Math.max(1, found.length - STEM_CUT); stem <= found.length; stem++) {
      if (stem - gap + 1 >= 1 && stem - gap + 1 <= shared) real = true;
      if (stem <= shared && stem + gap - 1 <= query.length) fallback = true;
    }
    if (real !== fallback) return { real, gap, shared };
    return { real: found.startsWith(query), gap, shared };
  };
  const verdict = async (index, word) => {
    if (index.verdicts.has(word)) return index.verdicts.get(word);
    const probe = await index.pagefind.search(word, { sort: { date: 'desc' } });
    const firsts = new Map();
    for (const r of probe.results) {
      const part = r.score > 0 ? partOf(index, r.score) : -1;
      if (part >= 0 && !firsts.has(part)) firsts.set(part, r);
    }
    const query = plain(word);
    const answers = await Promise.all([...firsts].map(async ([part, r]) => ({ part, ...(await answerOf(r, query)) })));
    // Real matches anywhere: only the parts with real matches count. None: only the parts whose
    // fallback word is the longest (the smallest gap to the stem) count, as in one index.
    const real = answers.filter((a) => a.real);
    const minGap = Math.min(...answers.map((a) => a.gap));
    const closest = answers.filter((a) => a.gap === minGap);
    // Beyond the readable gaps, the longest shared start stands for the longest word.
    const mostShared = Math.max(0, ...closest.map((a) => a.shared));
    const counted = real.length > 0 ? real : closest.filter((a) => minGap !== Infinity || a.shared === mostShared);
    const valid = new Set(counted.map((a) => a.part));
    index.verdicts.set(word, valid);
    return valid;
  };

  // Searches the index as one: in a split index, results of a part that answered a query word by
  // falling back are dropped when one index would not have used that part's word.
  const searchAll = async (index, term, filters) => {
    const search = await index.pagefind.search(term, { filters, sort: { date: 'desc' } });
    if (index.weights.length < 2) return search.results;
    const words = term && !/^\s*".+"\s*$/.test(term) ? term.split(/\s+/).filter((w) => plain(w)) : [];
    const valid = await Promise.all(words.map((w) => verdict(index, w)));
    return search.results.filter((r) => {
      if (r.score <= 0) return false;
      const part = partOf(index, r.score);
      return valid.every((set) => set.has(part));
    });
  };

  // Excerpts are Pagefind's text with <mark> around hits; rebuild them from text nodes and marks only.
  const excerptNodes = (html) => {
    const tpl = document.createElement('template');
    tpl.innerHTML = html;
    const out = [];
    for (const node of tpl.content.childNodes) {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.push(mark);
      } else out.push(document.createTextNode(node.textContent || ''));
    }
    return out;
  };

  const renderItem = (data) => {
    const li = document.createElement('li');
    const meta = document.createElement('p');
    meta.className = 'meta';
    const time = document.createElement('time');
    if (data.meta.day) time.dateTime = data.meta.day;
    time.textContent = data.meta.date || data.meta.day || '';
    meta.append(time);
    const regionName = data.filters && data.filters.region && data.filters.region[0];
    if (regionName) meta.append(` · ${regionName}`);
    const h2 = document.createElement('h2');
    const a = document.createElement('a');
    a.href = data.url;
    a.textContent = data.meta.title || data.url;
    h2.append(a);
    const p = document.createElement('p');
    p.className = 'excerpt';
    p.append(...excerptNodes(data.excerpt || ''));
    li.append(meta, h2, p);
    return li;
  };

  // Each query gets a number; results of a query that a newer one has replaced are dropped.
  let generation = 0;

  const showMore = async (focusFirst, query = generation) => {
    const slice = shown.slice(offset, offset + PAGE_SIZE);
    const items = await Promise.all(slice.map((r) => r.data()));
    if (query !== generation) return;
    const nodes = items.map(renderItem);
    list.append(...nodes);
    offset += slice.length;
    if (moreButton) moreButton.hidden = offset >= shown.length;
    if (focusFirst && nodes[0]) nodes[0].querySelector('a').focus();
  };

  const run = async () => {
    const query = ++generation;
    const term = input.value.trim();
    const filters = {};
    for (const select of selects) if (select.value) filters[select.name] = select.value;
    list.replaceChildren();
    shown = [];
    offset = 0;
    if (moreButton) moreButton.hidden = true;
    if (term === '' && Object.keys(filters).length === 0) {
      status.textContent = '';
      return;
    }
    const index = await load();
    const results = await searchAll(index, term === '' ? null : term, filters);
    if (query !== generation) return;
    shown = results;
    status.textContent = shown.length === 0 ? text.none : text.results.replace('{n}', String(shown.length));
    await showMore(false, query);
  };

  // The query lives in the address, so results can be bookmarked, shared and restored with Back.
  const fromAddress = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    for (const select of selects) select.value = params.get(select.name) || '';
  };
  const toAddress = () => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const select of selects) if (select.value) params.set(select.name, select.value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };

  moreButton = document.createElement('button');
  moreButton.type = 'button';
  moreButton.className = 'search-more';
  moreButton.textContent = text.more;
  moreButton.hidden = true;
  moreButton.addEventListener('click', () => void showMore(true));
  list.after(moreButton);

  // Without an index (or when it cannot load) readers get the archive links back.
  const noScript = document.getElementById('search-nojs');
  const guarded = () =>
    run().catch(() => {
      form.hidden = true;
      if (noScript) noScript.hidden = false;
    });

  const search = () => {
    toAddress();
    void guarded();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  // Results follow the typing after a short pause, and every change of a filter, as readers expect.
  let typing;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(search, 300);
  });
  for (const select of selects) select.addEventListener('change', search);
  if (noScript) noScript.hidden = true;
  form.hidden = false;
  fromAddress();
  void guarded();
}
