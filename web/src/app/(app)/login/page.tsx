'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, Suspense, useEffect, useState } from 'react';
import { describedBy, Field } from '../../../components/field.tsx';
import { useSession } from '../../../components/providers.tsx';
import { FormError } from '../../../components/states.tsx';
import { SessionError } from '../../../lib/session.ts';

/** Only paths of this app: `?next=https://elsewhere` must not turn the login into an open redirect. */
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

function LoginForm() {
  const { session, state } = useSession();
  const router = useRouter();
  const next = safeNext(useSearchParams().get('next'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (state.status === 'signed-in') router.replace(next);
  }, [state.status, router, next]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await session.login(String(form.get('email')), String(form.get('password')));
    } catch (err) {
      const code = err instanceof SessionError ? err.code : '';
      setError(
        code === 'RATE_LIMITED'
          ? `Too many attempts. Try again in ${Math.ceil(((err as SessionError).retryAfter ?? 60) / 60)} min.`
          : code === 'UNAUTHENTICATED'
            ? 'Wrong email or password.'
            : (err as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  const ended = state.status === 'signed-out' ? state.reason : undefined;
  return (
    <main className="login" id="main">
      <form className="card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          PolyStatus
        </div>
        <h1 id="login-title">Sign in</h1>
        {ended && ended !== 'signed out' ? <p className="muted">{ended}</p> : null}
        <Field id="email" label="Email">
          <input {...describedBy('email')} name="email" type="email" autoComplete="username" required />
        </Field>
        <Field id="password" label="Password">
          <input
            {...describedBy('password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </Field>
        <FormError error={error} />
        <button type="submit" className="button" disabled={busy || state.status === 'restoring'}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

export default function LoginPage() {
  return (
    <Suspense>
      <LoginForm />
    </Suspense>
  );
}
