import { XMLParser } from 'fast-xml-parser';
import { assertNotEmpty, looksLikeHtml } from './decode.ts';
import { type Obj, obj } from './read.ts';
import { FeedError, type FeedFormat } from './types.ts';

/**
 * The one XML parser configuration for RSS and Atom feeds, set up for untrusted input:
 * - a feed has no business declaring entities, so a DOCTYPE with an internal subset (the billion-laughs shape) is
 *   refused before parsing, and the parser's own entity limits stay tight as a second line;
 * - nesting deeper than any feed needs is refused (the parser throws past maxNestedTags, turned into too_deep);
 * - values stay strings (no number parsing: ids like 0123 and "1e5" must survive), attributes are kept (links).
 */
const MAX_DEPTH = 64;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  maxNestedTags: MAX_DEPTH,
  processEntities: {
    enabled: true,
    maxEntitySize: 256,
    maxExpansionDepth: 2,
    maxEntityCount: 16,
    maxExpandedLength: 4096,
  },
  // Elements that repeat in some feeds and not others: always arrays, so one item is not a special case.
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'category',
});

export function parseXml(text: string, format: FeedFormat): Obj {
  assertNotEmpty(text, format);
  if (looksLikeHtml(text)) {
    throw new FeedError(
      'html',
      `feed answered HTML, not ${format === 'atom' ? 'an Atom' : 'an RSS'} feed`,
      format,
    );
  }
  if (!text.trimStart().startsWith('<')) {
    throw new FeedError(
      'invalid_xml',
      `feed is not XML (starts with ${JSON.stringify(text.trim().slice(0, 20))})`,
      format,
    );
  }
  if (/<!DOCTYPE[^>[]*\[/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) {
    throw new FeedError(
      'invalid_xml',
      'feed declares XML entities (DOCTYPE internal subset); refused',
      format,
    );
  }
  try {
    // `true` validates well-formedness first: without it an unclosed tag parses into a silently wrong tree.
    return obj(parser.parse(text, true));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    if (/nested/i.test(detail)) {
      throw new FeedError('too_deep', `feed XML is nested deeper than ${MAX_DEPTH} elements`, format);
    }
    throw new FeedError('invalid_xml', `feed is not well-formed XML: ${detail.slice(0, 200)}`, format);
  }
}

/** The text of an element that may be a string, a CDATA/text node object, or absent. */
export function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const t = (node as Obj)['#text'];
    return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : '';
  }
  if (Array.isArray(node)) return text(node[0]);
  return '';
}

/** An attribute of an element (`@_href`). */
export function attr(node: unknown, name: string): string | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const v = (node as Obj)[`@_${name}`];
  return typeof v === 'string' ? v : null;
}
