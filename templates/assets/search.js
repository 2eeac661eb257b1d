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
  const split = Boolean(form.dataset.merge);
  let shown = [];
  let offset = 0;
  let moreButton;

  // Loaded once, on the first search; a second search while it loads waits for the same promise,
  // so no part of the index is merged twice.
  const loadIndex = async () => {
    const pagefind = await import(form.dataset.bundle);
    // Result URLs are site paths; Pagefind puts the site's base path in front of them.
    const baseUrl = form.dataset.base || '/';
    // A large archive's index comes in parts, one per year, newest first, that the build renews on
    // their own; Pagefind searches them as one and orders the merged results by score. Sorted by
    // date, a part's scores are its ranks (n … 1); weighted by powers of a base above any part's size,
    // every result of a newer part scores above every result of an older one, so the merged list
    // stays newest first. Each part ends in a record older than every article (which would score 0
    // otherwise), which the search drops. (Guarded by test/browser/search-split.test.ts against one whole index.)
    const parts = (form.dataset.merge || '').split(' ').filter(Boolean);
    const base = Number(form.dataset.partBase) || 1;
    const weight = (i) => (parts.length > 0 ? { indexWeight: base ** (parts.length - i) } : {});
    await pagefind.options({ baseUrl, ...weight(0) });
    await Promise.all(parts.map((part, i) => pagefind.mergeIndex(part, { baseUrl, ...weight(i + 1) })));
    return pagefind;
  };
  const load = () => {
    loading ??= loadIndex().catch((err) => {
      loading = undefined;
      throw err;
    });
    return loading;
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
    const pf = await load();
    const search = await pf.search(term === '' ? null : term, { filters, sort: { date: 'desc' } });
    if (query !== generation) return;
    shown = split ? search.results.filter((r) => r.score > 0) : search.results;
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
