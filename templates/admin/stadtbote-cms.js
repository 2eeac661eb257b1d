// Stadtbote's part of the web editor at /admin/ (Decap CMS, served from the site itself).
// Plain JavaScript, no build step: React's createElement is Decap's global `h`.
// A site may replace this file with its own templates/admin/stadtbote-cms.js.
import slugify from '@sindresorhus/slugify';

/** Written into the page by the build: script paths, the site's stylesheet, language, time zone, strings. */
const settings = JSON.parse(document.getElementById('stadtbote-cms').textContent);

/** The slug the build makes from a title (util/slug.ts), with the same library and options. */
function slugOf(title) {
  return slugify(String(title ?? ''), settings.slug.options).slice(0, settings.slug.maxLength).replace(/-+$/, '') || 'meldung';
}

/** `2025-02-13` as the theme shows it (util/dates.ts, formatDay). */
function formatDay(day) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(day ?? ''));
  if (!match) return String(day ?? '');
  const [, y, m, d] = match;
  return settings.language === 'en' ? `${y}-${m}-${d}` : `${d}.${m}.${y}`;
}

const isBlank = (value) => value === undefined || value === null || String(value).trim() === '';

function loadDecap() {
  // Started below, once Stadtbote's preview and hooks are registered.
  window.CMS_MANUAL_INIT = true;
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = settings.decapScript;
    script.onload = () => resolve(window.CMS);
    script.onerror = () => reject(new Error(`${settings.decapScript} could not be loaded`));
    document.head.append(script);
  });
}

/** An article as templates/article.liquid renders it: title, date, region, teaser, image with caption and credit, body. */
function articlePreview(CMS) {
  const h = window.h;
  return window.createClass({
    render() {
      const { entry, widgetFor, getAsset } = this.props;
      const data = entry.get('data');
      const image = data.get('image');
      const src = image && image.get('src');
      const caption = image && image.get('caption');
      const credit = image && image.get('credit');
      const asset = src ? getAsset(src) : undefined;
      return h('main', { id: 'inhalt' },
        h('article', { className: 'article' },
          h('h1', {}, data.get('title') || ''),
          h('p', { className: 'meta' },
            `${settings.strings.publishedOn} `,
            h('time', { dateTime: data.get('date') || '' }, formatDay(data.get('date'))),
            data.get('region') ? ` · ${data.get('region')}` : ''),
          h('p', { className: 'lead' }, data.get('teaser') || ''),
          src ? h('figure', { className: 'article-image' },
            h('img', { src: asset ? asset.toString() : src, alt: image.get('alt') || '' }),
            caption || credit ? h('figcaption', {},
              caption || '',
              credit ? h('span', { className: 'credit' }, ` (${settings.strings.photoCredit}: ${credit})`) : '') : null) : null,
          h('div', { className: 'body' }, widgetFor('body'))));
    },
  });
}

function pagePreview(CMS) {
  const h = window.h;
  return window.createClass({
    render() {
      const { entry, widgetFor } = this.props;
      return h('main', { id: 'inhalt' },
        h('article', { className: 'page' },
          h('h1', {}, entry.getIn(['data', 'title']) || ''),
          h('div', { className: 'body' }, widgetFor('body'))));
    },
  });
}

/**
 * Articles live in year folders and pages in `pages/` under the same content folder, so a folder
 * collection of depth 2 would list the pages among the articles (Decap filters only by equal
 * values). The git backends' listings are narrowed here instead.
 */
function keepPagesOutOfArticles(CMS) {
  const outsidePages = (entries) => {
    const kept = entries.filter((e) => !String(e.file?.path ?? e.path ?? '').startsWith(settings.pagesFolder));
    // The backends hang their paging cursor on the array under a symbol: keep it.
    for (const key of Object.getOwnPropertySymbols(entries)) kept[key] = entries[key];
    return kept;
  };
  for (const name of ['github', 'gitlab', 'gitea', 'proxy']) {
    const backend = CMS.getBackend(name);
    if (!backend) continue;
    const init = backend.init;
    backend.init = (...args) => {
      const implementation = init(...args);
      for (const method of ['entriesByFolder', 'allEntriesByFolder']) {
        const original = implementation[method];
        if (typeof original !== 'function') continue;
        implementation[method] = async function (folder, ...rest) {
          const entries = await original.call(this, folder, ...rest);
          return `${folder}/pages/` === settings.pagesFolder ? outsidePages(entries) : entries;
        };
      }
      return implementation;
    };
  }
}

/**
 * The image is optional, but once it has any value the build needs both its file and its alt
 * text. Decap checks `required` children of an optional object even when the object is empty, so
 * the children are optional and the object checks itself: the widget `image-object`, Decap's
 * object widget with this one rule added.
 */
function registerImageObject(CMS) {
  const h = window.h;
  const Base = CMS.getWidget('object');
  const control = window.createClass({
    isValid() {
      const inner = typeof this.inner?.isValid === 'function' ? this.inner.isValid() : true;
      if (inner !== true && !(inner && inner.error === false)) return inner;
      const image = this.props.value;
      if (!image || typeof image.some !== 'function' || !image.some((v) => !isBlank(v))) return true;
      const missing = this.props.field
        .get('fields')
        .filter((f) => ['src', 'alt'].includes(f.get('name')))
        .filter((f) => isBlank(image.get(f.get('name'))))
        .map((f) => f.get('label', f.get('name')));
      if (missing.size === 0) return true;
      return { error: { type: 'PRESENCE', parentIds: this.props.parentIds, message: settings.strings.requiredWithImage.replace('{field}', missing.join(', ')) } };
    },
    render() {
      return h(Base.control, { ...this.props, ref: (ref) => (this.inner = ref) });
    },
  });
  CMS.registerWidget('image-object', control, Base.preview);
}

/** Decap keeps a field that was typed into and emptied as `""`; the build reads `""` as a missing text. */
function withoutEmptyFields(data) {
  let pruned = data;
  for (const [key, value] of data.entrySeq().toArray()) {
    if (key === 'body') continue;
    if (typeof value === 'string' && value.trim() === '') pruned = pruned.delete(key);
    else if (value && typeof value.filter === 'function' && typeof value.entrySeq === 'function') {
      const inner = value.filter((v) => !isBlank(v));
      pruned = inner.size === 0 ? pruned.delete(key) : pruned.set(key, inner);
    }
  }
  return pruned;
}

const CMS = await loadDecap();
registerImageObject(CMS);
for (const style of settings.styles) CMS.registerPreviewStyle(style);
CMS.registerPreviewTemplate('articles', articlePreview(CMS));
CMS.registerPreviewTemplate('pages', pagePreview(CMS));
keepPagesOutOfArticles(CMS);
// A new article gets its file name and URL from the title as `stadtbote new` makes them (ä → ae),
// written into `slug` so that the address stays when the title is edited later.
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const data = withoutEmptyFields(entry.get('data'));
    if (entry.get('collection') !== 'articles' || !entry.get('newRecord') || data.get('slug')) return data;
    return data.set('slug', slugOf(data.get('title')));
  },
});
CMS.init();
