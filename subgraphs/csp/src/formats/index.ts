import { parseAtom } from './atom.ts';
import { parseAws } from './aws.ts';
import { decodeBody, parseJson } from './decode.ts';
import { parseGcp } from './gcp.ts';
import { parseRss } from './rss.ts';
import { parseSlack } from './slack.ts';
import { parseStatusio } from './statusio.ts';
import { parseStatuspage } from './statuspage.ts';
import { FeedError, type FeedFormat, type ParseContext, type ParsedFeed } from './types.ts';

/**
 * The feed formats' entry points. Pure functions: bytes in, normalized feed out; no I/O. The body size cap, the
 * request and the storage are the poller's job.
 */
export { detectFormat } from './detect.ts';
export { DEFAULT_PROBE_THRESHOLDS, probeResult, probeVerdict } from './http-probe.ts';
export { isClosed } from './normalize.ts';
export { diffEvents } from './transitions.ts';
export * from './types.ts';

/**
 * Parses a feed body of a known format. Throws a FeedError (code and a message for the operator) for anything it
 * cannot read: HTML, garbage, an empty body, a document of another shape, excessive nesting. Never another error.
 */
export function parseFeed(format: FeedFormat, body: Buffer | string, ctx: ParseContext): ParsedFeed {
  try {
    const text = decodeBody(body, ctx.contentType);
    switch (format) {
      case 'statuspage':
        return parseStatuspage(parseJson(text, format), ctx);
      case 'gcp':
        return parseGcp(parseJson(text, format), ctx);
      case 'statusio':
        return parseStatusio(parseJson(text, format), ctx);
      case 'slack':
        return parseSlack(parseJson(text, format), ctx);
      case 'aws':
        return parseAws(text, ctx);
      case 'rss':
      case 'atom':
        // The reference's `rss` type accepts both; so does `atom`: the root element decides.
        return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<feed[\s>]/.test(text.slice(0, 4096))
          ? parseAtom(text, ctx)
          : parseRss(text, ctx);
      case 'http':
        throw new FeedError(
          'unknown_format',
          'the http format has no body to parse: use probeResult()',
          format,
        );
      default:
        throw new FeedError('unknown_format', `unknown feed format ${JSON.stringify(format)}`);
    }
  } catch (err) {
    if (err instanceof FeedError) throw err;
    // A parser bug or a shape no guard foresaw: still a FeedError, so one bad feed never looks like a crash.
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new FeedError(
      'unexpected_shape',
      `feed could not be read as ${format}: ${detail.slice(0, 200)}`,
      format,
    );
  }
}
