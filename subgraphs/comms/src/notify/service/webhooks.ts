import {
  assertPublicDestination,
  fieldError,
  InputCheck,
  notFound,
  OutboundRefusedError,
  type Principal,
} from '@polystatus/kit';
import { checkWebhookUrl } from '../domain/validation.ts';
import { newWebhookSecret } from '../domain/webhook-signature.ts';
import type { NotifyDeps } from './notify-deps.ts';

/**
 * Webhook endpoints (managers). The URL is refused at once when its host is private (the outbound guard checks
 * again at every delivery, since DNS answers change); the secret is returned once, here, and only its sealed
 * form is kept.
 */
export async function createWebhookEndpoint(
  d: NotifyDeps,
  principal: Principal,
  input: { url: unknown; description?: unknown },
) {
  const check = new InputCheck();
  const url = checkWebhookUrl(check, input.url);
  const description = check.text('description', input.description, { max: 200 });
  check.throwIfAny();
  try {
    await assertPublicDestination(url!, { allowPrivate: d.allowPrivate });
  } catch (err) {
    if (err instanceof OutboundRefusedError) throw fieldError('url', err.reason);
    throw err;
  }
  const id = `wh_${d.newId()}`;
  const secret = newWebhookSecret();
  await d.webhooks.create({
    id,
    url: url!.href,
    description,
    secret,
    createdBy: principal.id ?? principal.kind,
    now: d.clock(),
  });
  return { endpoint: (await d.webhooks.get(id))!, secret };
}

export async function rotateWebhookSecret(d: NotifyDeps, id: string) {
  const secret = newWebhookSecret();
  const now = d.clock();
  if (!(await d.webhooks.rotate(id, secret, now, d.secretGraceMs))) throw notFound('webhook endpoint', id);
  return { endpoint: (await d.webhooks.get(id))!, secret, previousValidUntil: now + d.secretGraceMs };
}

export async function setWebhookEnabled(d: NotifyDeps, id: string, enabled: boolean) {
  if (!(await d.webhooks.get(id))) throw notFound('webhook endpoint', id);
  if (enabled) await d.webhooks.enable(id);
  else await d.webhooks.disable(id, 'disabled by a manager', d.clock());
  return (await d.webhooks.get(id))!;
}

export async function deleteWebhookEndpoint(d: NotifyDeps, id: string): Promise<boolean> {
  return d.webhooks.remove(id);
}

/** Sends a stored message to the endpoint again, once, as a manual attempt (it works on a disabled endpoint). */
export async function redeliverWebhookMessage(d: NotifyDeps, endpointId: string, messageId: string) {
  if (!(await d.webhooks.get(endpointId))) throw notFound('webhook endpoint', endpointId);
  if (!(await d.webhooks.message(messageId))) throw notFound('webhook message', messageId);
  await d.queue.enqueue({ kind: 'webhook', id: d.newId(), attempt: 1, endpointId, messageId, manual: true });
  return true;
}
