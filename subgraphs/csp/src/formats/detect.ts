import { isAwsHealthShape, isAwsLegacyShape } from './aws.ts';
import { decodeBody, head, looksLikeHtml } from './decode.ts';
import { isGcpShape } from './gcp.ts';
import { isObj } from './read.ts';
import { isSlackShape } from './slack.ts';
import { isStatusioShape } from './statusio.ts';
import { isStatuspageShape } from './statuspage.ts';
import type { FeedFormat } from './types.ts';

/**
 * Which format a body is, for providers registered with the reference's generic types (`json`, `rss`): JSON by
 * its shape, XML by its root element (an AWS RSS by its generator). Null for HTML, garbage, an empty body, or a
 * JSON document no parser knows. An empty JSON array is ambiguous (a quiet AWS current-events feed, or an empty
 * GCP one): null too, so the caller keeps the format it detected before.
 */
export function detectFormat(body: Buffer | string, contentType?: string): FeedFormat | null {
  const text = decodeBody(body, contentType);
  const start = head(text, 2048);
  if (start === '' || looksLikeHtml(text)) return null;
  if (start.startsWith('<')) {
    if (/<feed[\s>]/.test(start)) return 'atom';
    if (/<rss[\s>]|<rdf:rdf[\s>]/.test(start)) {
      return /<generator>\s*(?:<!\[cdata\[)?\s*aws service health dashboard/.test(start) ? 'aws' : 'rss';
    }
    return null;
  }
  if (!start.startsWith('{') && !start.startsWith('[')) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  return detectJson(doc);
}

export function detectJson(doc: unknown): FeedFormat | null {
  if (Array.isArray(doc)) {
    if (isGcpShape(doc)) return 'gcp';
    if (isAwsHealthShape(doc)) return 'aws';
    if (doc.length > 0 && doc.every((i) => isObj(i) && 'notes' in i && 'title' in i)) return 'slack';
    return null;
  }
  if (isStatuspageShape(doc)) return 'statuspage';
  if (isStatusioShape(doc)) return 'statusio';
  if (isSlackShape(doc)) return 'slack';
  if (isAwsLegacyShape(doc)) return 'aws';
  return null;
}
