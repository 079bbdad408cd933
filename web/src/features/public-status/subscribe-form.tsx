'use client';

import { type FormEvent, useState } from 'react';
import { describedBy, Field } from '../../components/field.tsx';

type Outcome = { kind: 'accepted' } | { kind: 'error'; message: string } | null;

/**
 * Subscribe by email. Without script it is a plain form post to `/status/subscribe`, answered with a redirect
 * back here (the outcome comes in as `initial`); with script it posts JSON and says the outcome in place. The
 * answer is the same whether or not the address was known (double opt-in: a confirmation mail is sent).
 */
export function SubscribeForm({ initial }: { initial: Outcome }) {
  const [outcome, setOutcome] = useState<Outcome>(initial);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const email = String(new FormData(form).get('email') ?? '');
    setBusy(true);
    try {
      const res = await fetch('/status/subscribe', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      const body = (await res.json().catch(() => null)) as { errors?: Array<{ message: string }> } | null;
      if (res.ok) {
        setOutcome({ kind: 'accepted' });
        form.reset();
      } else {
        setOutcome({
          kind: 'error',
          message:
            res.status === 400 && body?.errors?.[0]
              ? body.errors[0].message
              : 'We could not take your subscription just now: try again in a moment.',
        });
      }
    } catch {
      setOutcome({ kind: 'error', message: 'You seem to be offline: try again in a moment.' });
    } finally {
      setBusy(false);
    }
  };

  const error = outcome?.kind === 'error' ? outcome.message : undefined;
  return (
    <form
      className="card public-subscribe"
      method="post"
      action="/status/subscribe"
      onSubmit={submit}
      noValidate
      aria-labelledby="subscribe-title"
      id="subscribe"
    >
      <h2 id="subscribe-title">Get updates by email</h2>
      <div className="form-row">
        <Field
          id="subscribe-email"
          label="Email"
          hint="We send a confirmation link first; every mail has a one-click unsubscribe."
          error={error}
        >
          <input
            {...describedBy('subscribe-email', error, true)}
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
          />
        </Field>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Subscribing…' : 'Subscribe'}
      </button>
      {outcome?.kind === 'accepted' ? (
        <p role="status" className="public-accepted">
          Check your inbox: follow the link in the mail we just sent to confirm.
        </p>
      ) : null}
    </form>
  );
}
