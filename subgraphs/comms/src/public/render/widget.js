/*! PolyStatus status widget: shows the status banner of the page that serves this script, live.
 * <script src="https://status.example.com/widget.js" async
 *   data-position="bottom"      (bottom | top: a bar fixed to that edge of the window; ignored with data-target)
 *   data-target="#status-slot"  (optional: render inside this element instead of a fixed bar)
 *   data-live="true"></script>  (false: poll every minute instead of holding a live connection)
 * No dependencies and no requests anywhere but the page it came from. Everything shown is set as text, never
 * parsed as HTML. A reader's dismissal is remembered per incident (localStorage), so a later incident shows again.
 */
(() => {
  const script = document.currentScript;
  if (!script?.src) return;
  const base = new URL('.', script.src);
  const bannerUrl = new URL('api/v1/public/banner', base).href;
  const streamUrl = new URL('api/v1/public/banner/stream', base).href;
  const opt = (name, fallback) => script.getAttribute(`data-${name}`) || fallback;
  const live = opt('live', 'true') !== 'false';
  const position = opt('position', 'bottom') === 'top' ? 'top' : 'bottom';
  const POLL_MS = 60000;
  const STORE = 'polystatus-widget:dismissed:';

  // White text on each of these has a contrast ratio of at least 4.5:1 (WCAG AA).
  const COLORS = {
    critical: '#b42318',
    major: '#b54708',
    minor: '#8a5a00',
    maintenance: '#175cd3',
    info: '#344054',
    resolved: '#067647',
  };
  const LABELS = {
    critical: 'Major outage',
    major: 'Partial outage',
    minor: 'Degraded service',
    maintenance: 'Maintenance',
    info: 'Notice',
    resolved: 'Resolved',
  };

  const memory = new Set();
  const dismissed = (id) => {
    try {
      return memory.has(id) || localStorage.getItem(STORE + id) === '1';
    } catch {
      return memory.has(id); // storage blocked (sandboxed frame, privacy mode): remember for this page only
    }
  };
  const dismiss = (id) => {
    memory.add(id);
    try {
      localStorage.setItem(STORE + id, '1');
    } catch {}
  };

  let box = null;
  let shown = null;
  let latest = null;

  const el = (tag, style, text) => {
    const e = document.createElement(tag);
    Object.assign(e.style, style);
    if (text != null) e.textContent = String(text);
    return e;
  };
  const safeHref = (url) => {
    try {
      const u = new URL(url, base);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch {
      return null;
    }
  };

  function clear() {
    if (box) box.remove();
    box = null;
    shown = null;
  }

  function render(doc) {
    latest = doc;
    const b = doc?.banner;
    if (!b || dismissed(b.id)) return clear();
    const key = JSON.stringify(b) + doc.also_active;
    if (key === shown) return;
    clear();
    shown = key;
    const urgent = b.level === 'critical' || b.level === 'major';
    box = el('div', {
      boxSizing: 'border-box',
      display: 'flex',
      alignItems: 'flex-start',
      gap: '12px',
      padding: '12px 16px',
      background: COLORS[b.level] || COLORS.info,
      color: '#fff',
      font: '14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif',
      zIndex: '2147483000',
      boxShadow: '0 2px 10px rgba(0,0,0,.25)',
    });
    // An alert interrupts a screen reader at once; a status waits for a pause. Only outages interrupt.
    box.setAttribute('role', urgent ? 'alert' : 'status');
    box.setAttribute('data-polystatus-banner', b.level);
    const target = script.dataset.target && document.querySelector(script.dataset.target);
    if (!target) {
      Object.assign(box.style, { position: 'fixed', left: '0', right: '0', [position]: '0' });
    } else {
      box.style.borderRadius = '6px';
    }
    const body = el('div', { flex: '1', minWidth: '0', overflowWrap: 'anywhere' });
    const head = el('div', { fontWeight: '600' });
    head.append(
      el(
        'span',
        { textTransform: 'uppercase', fontSize: '12px', letterSpacing: '.04em' },
        LABELS[b.level] || b.level,
      ),
    );
    head.append(document.createTextNode(' · '), el('span', {}, b.title));
    body.append(head);
    if (b.message) body.append(el('div', { whiteSpace: 'pre-line' }, b.message));
    const links = el('div', { marginTop: '4px' });
    const link = (href, text) => {
      const a = el('a', { color: '#fff', textDecoration: 'underline', marginRight: '12px' }, text);
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      links.append(a);
    };
    const details = safeHref(b.url);
    if (details) link(details, 'Details');
    const page = safeHref(doc.page_url);
    if (doc.also_active > 0 && page) link(page, `+${doc.also_active} more on the status page`);
    if (links.childNodes.length) body.append(links);
    const close = el(
      'button',
      {
        flex: 'none',
        background: 'transparent',
        border: '1px solid rgba(255,255,255,.7)',
        borderRadius: '4px',
        color: '#fff',
        font: 'inherit',
        lineHeight: '1',
        padding: '4px 8px',
        cursor: 'pointer',
      },
      '×',
    );
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss this status message');
    close.addEventListener('click', () => {
      dismiss(b.id);
      clear();
    });
    box.append(body, close);
    (target || document.body).append(box);
  }

  const handle = (text) => {
    try {
      render(JSON.parse(text));
    } catch {}
  };

  let polling = null;
  function poll() {
    if (polling) return;
    const once = () =>
      fetch(bannerUrl, { credentials: 'omit' })
        .then((r) => (r.ok ? r.text() : null))
        .then(
          (t) => t && handle(t),
          () => {},
        );
    once();
    polling = setInterval(once, POLL_MS);
  }

  function start() {
    if (!live || typeof EventSource !== 'function') return poll();
    const source = new EventSource(streamUrl);
    source.addEventListener('banner', (e) => handle(e.data));
    // EventSource reconnects by itself after a dropped connection; it gives up (CLOSED) only when refused
    // (too many connections, an old server): then a poll once a minute still keeps the banner current.
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) poll();
    };
  }

  window.addEventListener('storage', (e) => {
    if (e.key?.startsWith(STORE) && latest) render(latest);
  });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
