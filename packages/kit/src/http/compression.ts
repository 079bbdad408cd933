import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

export type ContentEncoding = 'br' | 'gzip' | 'identity';

/**
 * Levels for content compressed once per answer (docs/performance.md, "Compression"): on the 500-incident REST
 * list, brotli 4 and gzip 6 each save about 90% of the bytes for well under a millisecond of CPU per 100 KB, while
 * brotli's higher qualities cost many times more for a few percent. Documents compressed once and served many
 * times (the comms public snapshot) use the highest levels themselves and arrive here already encoded.
 */
export const DYNAMIC_BROTLI_QUALITY = 4;
export const DYNAMIC_GZIP_LEVEL = 6;
/** Below this, compression saves less than a TCP segment and costs a zlib round trip. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Above this, an answer left uncompressed is sent as a Buffer, not a string: past about 128 KB a string answer
 * costs node:http several times the CPU of the same bytes as a Buffer (`npm run bench large-answers`: 1.39 against
 * 0.44 ms at 175 KB), so one copy into a Buffer first is far cheaper (docs/performance.md).
 */
export const LARGE_STRING_BYTES = 64 * 1024;

/** JSON, text, JavaScript, XML and SVG; never server-sent events, whose events must leave as they are written. */
const COMPRESSIBLE =
  /^\s*(?:application\/(?:json|[\w.+-]*\+json|xml|[\w.+-]*\+xml|javascript|graphql-response\+json)|text\/(?!event-stream)[\w.+-]+|image\/svg\+xml)\s*(?:;|$)/i;

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * The best encoding the client accepts (br, then gzip; `*` counts as gzip), honouring `q=0` refusals. Parsed by
 * hand: it runs on every answer and the header is short.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): ContentEncoding {
  if (!acceptEncoding) return 'identity';
  let brotli = false;
  let gzipped = false;
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) continue;
    if (name === 'br') brotli = true;
    else if (name === 'gzip' || name === '*') gzipped = true;
  }
  return brotli ? 'br' : gzipped ? 'gzip' : 'identity';
}

export const isCompressible = (contentType: unknown): boolean =>
  typeof contentType === 'string' && COMPRESSIBLE.test(contentType);

/** One buffer compressed off the event loop (zlib's thread pool), at the dynamic levels. */
export function compressBuffer(bytes: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br'
    ? br(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      })
    : gz(bytes, { level: DYNAMIC_GZIP_LEVEL });
}

const compressStream = (encoding: 'br' | 'gzip') =>
  encoding === 'br'
    ? createBrotliCompress({
        params: {
          [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      })
    : createGzip({ level: DYNAMIC_GZIP_LEVEL });

/** Compressed forms of bodies sent many times unchanged, by body (dropped with it). */
const compressedForms = new WeakMap<Buffer, Map<'br' | 'gzip', Promise<Buffer>>>();

/**
 * Marks a body that will be sent many times unchanged (a kept answer): each encoding of it is then compressed
 * once, on first demand, and reused. Returns the body.
 */
export function sentManyTimes(body: Buffer): Buffer {
  if (!compressedForms.has(body)) compressedForms.set(body, new Map());
  return body;
}

function compressedForm(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const forms = compressedForms.get(body);
  if (!forms) return compressBuffer(body, encoding);
  let form = forms.get(encoding);
  if (!form) {
    form = compressBuffer(body, encoding);
    forms.set(encoding, form);
    // A failure is not kept: the next request tries again.
    form.catch(() => forms.delete(encoding));
  }
  return form;
}

/** Adds `Accept-Encoding` to Vary without dropping what a route already varies on. */
function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  if (vary === undefined) void reply.header('vary', 'Accept-Encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(String(vary)))
    void reply.header('vary', `${vary}, Accept-Encoding`);
}

/**
 * br or gzip for answers of a compressible type when the client accepts it: strings and buffers from 1 KB
 * (compressed whole, off the event loop), and streamed bodies (static files, documents) through a zlib stream as
 * they are read. Left alone: answers that already carry a Content-Encoding (pre-compressed documents), bodiless
 * statuses, partial content, and server-sent events.
 */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (payload === null || payload === undefined || request.method === 'HEAD') return payload;
    const status = reply.statusCode;
    if (status < 200 || status === 204 || status === 206 || status === 304) return payload;
    if (reply.hasHeader('content-encoding') || !isCompressible(reply.getHeader('content-type')))
      return payload;

    if (payload instanceof Readable) {
      varyOnEncoding(reply);
      const encoding = negotiateEncoding(request.headers['accept-encoding']);
      if (encoding === 'identity') return payload;
      void reply.header('content-encoding', encoding).removeHeader('content-length');
      return payload.pipe(compressStream(encoding));
    }
    const text = typeof payload === 'string';
    if (!text && !Buffer.isBuffer(payload)) return payload;
    const size = text ? Buffer.byteLength(payload) : payload.length;
    if (size < COMPRESSION_THRESHOLD_BYTES) return payload;
    varyOnEncoding(reply);
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (encoding === 'identity')
      return text && size > LARGE_STRING_BYTES ? Buffer.from(payload, 'utf8') : payload;
    const compressed = text
      ? await compressBuffer(Buffer.from(payload, 'utf8'), encoding)
      : await compressedForm(payload, encoding);
    void reply.header('content-encoding', encoding).header('content-length', compressed.length);
    return compressed;
  });
}
