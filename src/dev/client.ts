/**
 * The browser side of the dev server: listens for rebuilds over Server-Sent Events, reloads the
 * page after a good build and shows an overlay while the content has errors. Served only by the
 * dev server and injected only into its HTML responses, never written to the output folder.
 */
/** The dev server's own paths, below the site's base path like everything it serves. */
export function devPaths(basePath: string): { client: string; events: string } {
  return { client: `${basePath}__stadtbote/client.js`, events: `${basePath}__stadtbote/events` };
}

/** What the overlay shows for one problem; `text` is the same line the terminal prints. */
export interface OverlayProblem {
  readonly location: string;
  readonly text: string;
  readonly severity: 'error' | 'warning';
}

// Plain ES5-style script so that it runs in any browser an editor uses; DOM built with
// textContent only, because problem messages quote content and must never become markup.
export function clientScript(eventsPath: string): string {
  return `(function () {
  'use strict';
  if (window.__stadtboteDev) return;
  window.__stadtboteDev = true;
  var OVERLAY_ID = 'stadtbote-dev-overlay';
  function removeOverlay() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.remove();
  }
  function showOverlay(data) {
    removeOverlay();
    var box = document.createElement('section');
    box.id = OVERLAY_ID;
    box.setAttribute('role', 'alert');
    box.setAttribute('aria-labelledby', OVERLAY_ID + '-title');
    box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;' +
      'background:rgba(20,20,20,.94);color:#fff;font:16px/1.5 system-ui,sans-serif;';
    var h = document.createElement('h2');
    h.id = OVERLAY_ID + '-title';
    h.textContent = data.title;
    h.style.cssText = 'margin:0 0 1rem;font-size:1.4rem;color:#ffb4b4;';
    box.appendChild(h);
    var list = document.createElement('ul');
    list.style.cssText = 'list-style:none;margin:0;padding:0;';
    data.problems.forEach(function (p) {
      var li = document.createElement('li');
      li.style.cssText = 'margin:0 0 1rem;padding:.75rem;border-left:4px solid ' + (p.severity === 'error' ? '#ff6b6b' : '#ffd166') + ';background:#000;';
      var where = document.createElement('strong');
      where.textContent = p.location;
      where.style.cssText = 'display:block;color:#9cdcfe;';
      var pre = document.createElement('pre');
      pre.textContent = p.text;
      pre.style.cssText = 'margin:.25rem 0 0;white-space:pre-wrap;font:14px/1.4 ui-monospace,monospace;';
      li.appendChild(where);
      li.appendChild(pre);
      list.appendChild(li);
    });
    box.appendChild(list);
    var hint = document.createElement('p');
    hint.textContent = data.hint;
    box.appendChild(hint);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = data.close;
    close.style.cssText = 'font:inherit;padding:.4rem 1rem;';
    close.addEventListener('click', removeOverlay);
    box.appendChild(close);
    (document.body || document.documentElement).appendChild(box);
  }
  var source = new EventSource(${JSON.stringify(eventsPath)});
  // Lets tests (and the curious) see that this tab will follow rebuilds.
  source.addEventListener('open', function () { window.__stadtboteDevConnected = true; });
  // A tab whose article moved to a new address (file renamed, slug or date edited) follows it.
  source.addEventListener('reload', function (e) {
    var moved = {};
    try { moved = JSON.parse(e.data).moved || {}; } catch (err) { moved = {}; }
    var to = moved[location.pathname];
    if (to) location.replace(to + location.search + location.hash);
    else location.reload();
  });
  // A new search index replaces the files the search page has loaded parts of: only that page reloads.
  source.addEventListener('search-index', function () { if (document.getElementById('search-form')) location.reload(); });
  source.addEventListener('problems', function (e) { showOverlay(JSON.parse(e.data)); });
  // After a lost connection (server restart, laptop sleep) a newer build means this page is stale.
  var generation = null;
  source.addEventListener('hello', function (e) {
    var g = JSON.parse(e.data).generation;
    if (generation !== null && g !== generation) location.reload();
    generation = g;
  });
})();
`;
}

/** Adds the client script to an HTML document, before `</body>` when there is one. */
export function injectClient(html: string, clientPath: string): string {
  const tag = `<script src="${clientPath}" defer></script>`;
  const at = html.toLowerCase().lastIndexOf('</body');
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}
