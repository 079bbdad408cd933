import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';

/** The loading, empty and error states every page shows the same way. */
export const Loading = ({ label = 'Loading…' }: { label?: string }) => (
  <div className="state loading" role="status" aria-live="polite">
    <span className="spinner" aria-hidden="true" />
    {label}
  </div>
);

export const Empty = ({ children }: { children: ReactNode }) => <div className="state empty">{children}</div>;

export const ErrorState = ({
  error,
  retry,
}: {
  error: CombinedError | Error | string;
  retry?: () => void;
}) => (
  <div className="state error" role="alert">
    <span>{describeError(error)}</span>
    {retry ? (
      <button type="button" className="button subtle" onClick={retry}>
        Try again
      </button>
    ) : null}
  </div>
);

/**
 * What a query shows before its data: its error with a retry that asks the network again, or the spinner.
 * `refetch` is urql's re-execute function.
 */
export const Pending = ({
  error,
  refetch,
}: {
  error: CombinedError | undefined;
  refetch: (opts: { requestPolicy: 'network-only' }) => void;
}) =>
  error ? <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : <Loading />;

/** A form's or an action's failure under it, announced; nothing when there is none. */
export const FormError = ({ error }: { error: CombinedError | Error | string | null | undefined }) =>
  error ? (
    <p className="form-error" role="alert">
      {describeError(error)}
    </p>
  ) : null;

/** A person-readable line for a failed operation, from the gateway's `extensions.code`. */
export function describeError(error: CombinedError | Error | string): string {
  if (typeof error === 'string') return error;
  const gqlError = 'graphQLErrors' in error ? error.graphQLErrors[0] : undefined;
  if ('networkError' in error && error.networkError && !gqlError)
    return 'The gateway is unreachable. Check your connection.';
  const code = gqlError?.extensions?.code;
  switch (code) {
    case 'FORBIDDEN':
      return 'Your role does not allow this.';
    case 'UNAUTHENTICATED':
      return 'Your session ended: sign in again.';
    case 'RATE_LIMITED':
      return 'Too many requests: wait a moment and try again.';
    case 'UNAVAILABLE':
      return 'A service is briefly unavailable: try again in a moment.';
    case 'CONFLICT':
      return `Someone changed this meanwhile: ${gqlError?.message ?? 'reload and try again'}.`;
    default:
      return gqlError?.message ?? error.message;
  }
}
