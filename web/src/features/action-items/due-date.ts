/**
 * Due dates are days to people and instants to the API. A day picked in a date input means "by the end of that
 * day where I am", so it is sent as that day's last second in the browser's time zone; an instant is shown as
 * its local day again.
 */
export function dueDateToInstant(day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const local = new Date(y, m - 1, d, 23, 59, 59);
  // new Date() rolls 2026-02-31 over to March: that is not the day the person typed.
  if (local.getFullYear() !== y || local.getMonth() !== m - 1 || local.getDate() !== d) return null;
  return local.toISOString();
}

/** The `yyyy-mm-dd` local day of an instant, as a date input holds it. */
export function instantToDay(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export const formatDueDate = (iso: string): string =>
  new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
