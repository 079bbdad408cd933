/** `datetime-local` inputs show local time without a zone; the API wants instants. */
export const toInstant = (local: string): string => (local ? new Date(local).toISOString() : '');

/** An instant as a `datetime-local` input's value, in the browser's zone. */
export const toLocalInput = (iso: string): string => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
