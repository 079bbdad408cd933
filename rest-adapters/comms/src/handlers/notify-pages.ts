import type { IncomingHttpHeaders } from 'node:http';

/**
 * The few pages a person reaches from a mail (confirm, unsubscribe). Browsers ask for HTML and get a small page;
 * API clients get JSON from the same route. The pages hold no script and load nothing, so they need no CSP
 * exceptions and work in any mail client's browser.
 */

/** True when the client prefers HTML (a browser following a link), judged as browsers send Accept. */
export function wantsHtml(headers: IncomingHttpHeaders): boolean {
  const accept = headers.accept ?? '';
  return /\btext\/html\b/.test(accept) && !/^\s*application\/json\b/.test(accept);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const HTML_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

/** A page with a title, a sentence, and optionally one button that POSTs a form to `action`. */
export function page(title: string, text: string, form?: { action: string; button: string }): string {
  const button = form
    ? `<form method="post" action="${escapeHtml(form.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(form.button)}</button></form>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${button}</body></html>`;
}
