import type { NotifyQueueStore } from '../../store/notify-queue-store.ts';
import type { NotifySubscriberStore } from '../../store/notify-subscriber-store.ts';
import type { NotifyWebhookStore } from '../../store/notify-webhook-store.ts';
import type { LinkSigner } from '../domain/link-token.ts';
import type { SubscriberLinks } from './links.ts';

/** What the notification verbs use; part of CommsDeps as `notify`. */
export interface NotifyDeps {
  subscribers: NotifySubscriberStore;
  webhooks: NotifyWebhookStore;
  queue: NotifyQueueStore;
  signer: LinkSigner;
  links: SubscriberLinks;
  /** The page's name, in mail subjects. */
  pageName: string;
  /** POLYSTATUS_ALLOW_PRIVATE_NETWORK: webhook URLs on private networks are accepted (development, tests). */
  allowPrivate: boolean;
  /** One confirmation mail per address per window, however often the form is sent. */
  confirmThrottleMs: number;
  confirmTtlMs: number;
  /** How long the previous webhook secret stays valid after a rotation. */
  secretGraceMs: number;
  newId: () => string;
  clock: () => number;
}
