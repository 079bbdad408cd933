import { type BaseGraphQLContext, REQUEST_ID_HEADER } from '@polystatus/kit';
import type { CacheNote } from './response-cache/response-cache.ts';

/** The only client headers a subgraph ever sees (besides the signed identity). */
export const FORWARDED_HEADERS = [REQUEST_ID_HEADER] as const;

export interface GatewayContext extends BaseGraphQLContext {
  /** `x-ps-identity` for this request, signed once and sent with every subgraph fetch of its query plan. */
  identity: string;
  forwardedHeaders: Record<string, string>;
  /** Present when the answer may be kept for reuse (response-cache/response-cache.ts). */
  responseCache?: CacheNote;
}
