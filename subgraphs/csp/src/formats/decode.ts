import { FeedError, type FeedFormat } from './types.ts';

/**
 * Raw response bytes to text, and text to JSON, with the failures a status feed really produces turned into
 * FeedErrors an operator can act on (an HTML login or error page, an empty body, a truncated download).
 */

function charsetOf(contentType: string | undefined): string | null {
  const m = contentType ? /charset\s*=\s*"?([\w-]+)/i.exec(contentType) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * AWS health serves its current events as UTF-16 with a BOM; everything else is UTF-8. The BOM wins, then the
 * Content-Type charset, then a look at the bytes (ASCII text in UTF-16 has a zero in every other byte).
 */
export function decodeBody(body: Buffer | string, contentType?: string): string {
  if (typeof body === 'string') return body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.toString('utf8', 3);
  if (body[0] === 0xff && body[1] === 0xfe) return body.toString('utf16le', 2);
  if (body[0] === 0xfe && body[1] === 0xff) return swapBytes(body.subarray(2)).toString('utf16le');
  const charset = charsetOf(contentType);
  if (charset === 'utf-16le' || charset === 'utf-16') return body.toString('utf16le');
  if (charset === 'utf-16be') return swapBytes(body).toString('utf16le');
  if (body.length >= 4 && body[0] !== 0 && body[1] === 0 && body[2] !== 0 && body[3] === 0) {
    return body.toString('utf16le');
  }
  if (body.length >= 4 && body[0] === 0 && body[1] !== 0 && body[2] === 0 && body[3] !== 0) {
    return swapBytes(body).toString('utf16le');
  }
  return body.toString('utf8');
}

function swapBytes(buf: Buffer): Buffer {
  const copy = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  return copy.swap16();
}

/** The first non-blank characters, lower-cased, for sniffing. */
export function head(text: string, length = 512): string {
  return text
    .slice(0, length + 64)
    .trimStart()
    .slice(0, length)
    .toLowerCase();
}

export function looksLikeHtml(text: string): boolean {
  const start = head(text);
  return (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    /^<(head|body|meta|title)\b/.test(start)
  );
}

export function assertNotEmpty(text: string, format?: FeedFormat): void {
  if (text.trim() === '') throw new FeedError('empty', 'feed answered an empty body', format);
}

/** JSON.parse with the usual ways a feed fails reported as such. */
export function parseJson(text: string, format: FeedFormat): unknown {
  assertNotEmpty(text, format);
  if (looksLikeHtml(text)) {
    throw new FeedError('html', `feed answered HTML, not ${format} JSON (an error or login page?)`, format);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    // V8 reports very deep nesting as a RangeError; anything else is a syntax error.
    if (err instanceof RangeError) throw new FeedError('too_deep', 'feed JSON is nested too deeply', format);
    const detail = err instanceof Error ? err.message : String(err);
    throw new FeedError('invalid_json', `feed is not valid JSON: ${detail.slice(0, 200)}`, format);
  }
}
