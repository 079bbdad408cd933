/** One reusable answer, exactly as it was sent (compressed when it was). */
export interface StoredResponse {
  body: Buffer;
  headers: Readonly<Record<string, string>>;
  /** The domains whose streams version it (read-scope.ts) and their newest ids when it was computed. */
  domains: readonly string[];
  heads: readonly string[];
  /** Its estimated cost, charged to the caller's budget again on every reuse. */
  cost: number;
  etag: string;
}

/** Key characters and body bytes. */
export const storedSize = (key: string, entry: StoredResponse): number => key.length + entry.body.length;
