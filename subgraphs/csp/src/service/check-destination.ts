import { assertPublicDestination, fieldError, OutboundRefusedError } from '@polystatus/kit';

/**
 * Refuses a feed URL on a private, loopback or reserved address when it is saved (the poller checks again at
 * every connect). A name that does not resolve right now is accepted: these machines may be offline, and the
 * provider then shows as unreachable instead of being impossible to register.
 */
export async function checkFeedDestination(feedUrl: string, allowPrivate: boolean): Promise<void> {
  const url = new URL(feedUrl);
  try {
    await assertPublicDestination(url, { allowPrivate });
  } catch (err) {
    if (!(err instanceof OutboundRefusedError)) throw err;
    if (/ does not resolve /.test(err.reason)) return;
    throw fieldError(
      'feedUrl',
      `is refused: ${err.reason} (POLYSTATUS_ALLOW_PRIVATE_NETWORK=true allows it)`,
    );
  }
}
