import { fieldError } from '@polystatus/kit';
import type { MutationResolvers } from '../generated/resolvers.ts';
import { confirmSubscription, subscribeEmail, unsubscribe } from '../notify/service/subscriptions.ts';

/**
 * Email subscriptions: public on purpose (anyone may follow a status page, and the links in our mails carry their
 * own signed tokens), so no role check. A bad or expired token is VALIDATION on `token`, which says no more than
 * "this link does not work": not whether the address exists.
 */
export const NotifySubscriptionMutation = {
  subscribeEmail: (_, { input }, ctx) => subscribeEmail(ctx.deps.notify, input),
  confirmEmailSubscription: async (_, { token }, ctx) => {
    const subscription = await confirmSubscription(ctx.deps.notify, token);
    if (!subscription) throw fieldError('token', 'is invalid or has expired');
    return subscription;
  },
  unsubscribeEmail: async (_, { token }, ctx) => {
    if (!(await unsubscribe(ctx.deps.notify, token))) throw fieldError('token', 'is invalid');
    return true;
  },
} satisfies MutationResolvers;
