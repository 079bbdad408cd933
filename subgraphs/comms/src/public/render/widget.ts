import { readFileSync } from 'node:fs';

/**
 * `GET /widget.js`: the embeddable banner (widget.js beside this file, plain browser JavaScript with no build
 * step). It finds the page's address from its own `src`, so the same bytes work behind any host name; it is part
 * of the snapshot only to be served like every public document (ETag, pre-compressed, cache headers).
 */
export const WIDGET_SCRIPT = readFileSync(new URL('./widget.js', import.meta.url), 'utf8');
