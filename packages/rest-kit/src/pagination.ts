/**
 * Headers announcing the next page of a list whose body must stay a plain array: `Link` (RFC 8288) for generic
 * clients and `X-Next-Cursor` for scripts. The next URL keeps every query parameter of the current one, so
 * following it keeps the same filters, and only replaces the cursor.
 */
export function nextPageHeaders(
  path: string,
  query: object,
  cursorParam: string,
  nextCursor: string | null | undefined,
): Record<string, string> {
  if (!nextCursor) return {};
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === cursorParam || value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  params.set(cursorParam, nextCursor);
  return { link: `<${path}?${params.toString()}>; rel="next"`, 'x-next-cursor': nextCursor };
}
