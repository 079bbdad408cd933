import type { InputCheck } from '@polystatus/kit';

/**
 * Input rules of the notification side, reported through the kit's InputCheck. Each returns the cleaned value or
 * a stand-in when refused; the caller throws with `check.throwIfAny()` before using any of them.
 */

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** RFC 5321's limit. */
export const MAX_EMAIL = 254;
export const MAX_URL = 2048;
/** Components one subscriber may pick; a page has far fewer. */
export const MAX_SUBSCRIBED_COMPONENTS = 100;

/** The address as typed (trimmed), and the key it is known by: case-folded, so Foo@X and foo@x are one. */
export function checkSubscriberEmail(check: InputCheck, value: unknown, field = 'email') {
  const email = check.text(field, value, { max: MAX_EMAIL, required: true });
  if (email !== undefined && !EMAIL.test(email)) check.add(field, 'must be a valid email address');
  return { email: email ?? '', emailKey: (email ?? '').toLowerCase() };
}

export function checkComponentIds(check: InputCheck, value: unknown, field = 'componentIds'): string[] {
  if (value == null) return [];
  if (!Array.isArray(value)) {
    check.add(field, 'must be a list of component ids');
    return [];
  }
  if (value.length > MAX_SUBSCRIBED_COMPONENTS)
    check.add(field, `at most ${MAX_SUBSCRIBED_COMPONENTS} components`);
  const ids = value.map((v, i) => check.text(`${field}[${i}]`, v, { max: 64, required: true }) ?? '');
  return [...new Set(ids)];
}

/**
 * A webhook endpoint as written: an absolute http(s) URL without credentials (they would sit in logs and in the
 * delivery log). Whether its host is public is the outbound guard's call, made when it is saved and again at
 * every delivery.
 */
export function checkWebhookUrl(check: InputCheck, value: unknown, field = 'url'): URL | undefined {
  const text = check.text(field, value, { max: MAX_URL, required: true });
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    check.add(field, 'must be an absolute http or https URL');
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    check.add(field, 'must be an absolute http or https URL');
    return undefined;
  }
  if (url.username || url.password) {
    check.add(field, 'must not carry a user name or password');
    return undefined;
  }
  url.hash = '';
  return url;
}
