/**
 * Feed text to plain text. Atom, RSS and AWS bodies are (escaped) HTML; Statuspage, GCP, status.io and Slack bodies
 * are plain text or Markdown that may still carry a stray tag or entity. Everything we store and show is plain text:
 * we never render upstream HTML, so tags are removed rather than sanitized.
 */

/** Named entities seen in status feeds, plus the usual typographic ones. Unknown names are left as written. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

function codePoint(n: number, raw: string): string {
  // Out-of-range, surrogate and NUL code points would make String.fromCodePoint throw or inject invisible junk.
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return raw;
  return String.fromCodePoint(n);
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    ENTITY,
    (raw, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec) return codePoint(Number.parseInt(dec, 10), raw);
      if (hex) return codePoint(Number.parseInt(hex, 16), raw);
      return NAMED[name!.toLowerCase()] ?? raw;
    },
  );
}

/** Tags that end a line of text when removed. */
const BREAKING = /<(?:br|\/p|\/div|\/li|\/h[1-6]|\/tr|hr)\b[^<>]*>/gi;
/** A real tag (`<a href=…>`, `</p>`, `<br/>`), not a lone `<` in prose such as "latency < 5 ms". */
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?\/?>/g;
const COMMENT = /<!--[\s\S]*?-->/g;
const SCRIPT = /<(script|style)\b[^<>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * HTML or plain text → plain text: comments, scripts and tags removed (block ends become line breaks), entities
 * decoded, runs of spaces collapsed, lines trimmed, blank lines dropped. Markdown is kept as written.
 */
export function toPlainText(input: string): string {
  let s = input;
  if (s.includes('<')) {
    s = s.replace(COMMENT, '').replace(SCRIPT, '').replace(BREAKING, '\n').replace(TAG, '');
  }
  // Three global passes rather than a split per line: the 1.3 MB GCP feed has 600 KB of update text.
  return decodeEntities(s)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}

/** One-line text for titles and labels. */
export function toPlainLine(input: string): string {
  return toPlainText(input).replace(/\n/g, ' ');
}
