/**
 * The mails subscribers receive, as plain data the mail worker hands to nodemailer. Plain text only: it renders
 * everywhere, cannot carry tracking, and a status update is text anyway.
 *
 * Every mail but the confirmation carries RFC 8058 one-click unsubscribe: `List-Unsubscribe` with the HTTPS link
 * and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, which tells the mailbox provider that a bare POST to
 * that link unsubscribes (Gmail and Yahoo require both of bulk senders). The confirmation carries it too: someone
 * who did not ask for the mail gets a one-click way out rather than having to ignore it.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

const unsubscribeHeaders = (unsubscribeUrl: string) => ({
  'List-Unsubscribe': `<${unsubscribeUrl}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

export function confirmationMail(opts: {
  to: string;
  pageName: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  expiresInHours: number;
}): OutgoingMail {
  return {
    to: opts.to,
    subject: `Confirm your subscription to ${opts.pageName} status updates`,
    text: [
      `Someone, hopefully you, asked to receive ${opts.pageName} status updates at this address.`,
      '',
      `Confirm within ${opts.expiresInHours} hours by opening this link:`,
      opts.confirmUrl,
      '',
      'If it was not you, ignore this mail: nothing will be sent until the link is opened.',
      `Never ask again: ${opts.unsubscribeUrl}`,
    ].join('\n'),
    headers: unsubscribeHeaders(opts.unsubscribeUrl),
  };
}

export function announcementMail(opts: {
  to: string;
  pageName: string;
  incidentTitle: string;
  state: string;
  message: string;
  statusUrl: string;
  unsubscribeUrl: string;
}): OutgoingMail {
  const state = opts.state.charAt(0).toUpperCase() + opts.state.slice(1);
  return {
    to: opts.to,
    subject: `[${opts.pageName}] ${state}: ${opts.incidentTitle}`,
    text: [
      `${state}: ${opts.incidentTitle}`,
      '',
      opts.message,
      '',
      `Current status: ${opts.statusUrl}`,
      '',
      `Unsubscribe: ${opts.unsubscribeUrl}`,
    ].join('\n'),
    headers: unsubscribeHeaders(opts.unsubscribeUrl),
  };
}

export function maintenanceMail(opts: {
  to: string;
  pageName: string;
  name: string;
  status: string;
  scheduledFor: string;
  scheduledUntil: string;
  statusUrl: string;
  unsubscribeUrl: string;
}): OutgoingMail {
  const what =
    opts.status === 'scheduled' ? 'Scheduled maintenance' : `Maintenance ${opts.status.replace('_', ' ')}`;
  return {
    to: opts.to,
    subject: `[${opts.pageName}] ${what}: ${opts.name}`,
    text: [
      `${what}: ${opts.name}`,
      `From ${opts.scheduledFor} to ${opts.scheduledUntil} (UTC).`,
      '',
      `Current status: ${opts.statusUrl}`,
      '',
      `Unsubscribe: ${opts.unsubscribeUrl}`,
    ].join('\n'),
    headers: unsubscribeHeaders(opts.unsubscribeUrl),
  };
}

/** The reminder before a maintenance starts (`maintenance.reminder`). */
export function maintenanceReminderMail(opts: {
  to: string;
  pageName: string;
  name: string;
  startsInMinutes: number;
  scheduledFor: string;
  scheduledUntil: string;
  statusUrl: string;
  unsubscribeUrl: string;
}): OutgoingMail {
  return {
    to: opts.to,
    subject: `[${opts.pageName}] Reminder: maintenance starts in ${inWords(opts.startsInMinutes)}: ${opts.name}`,
    text: [
      `Reminder: ${opts.name} starts in ${inWords(opts.startsInMinutes)}.`,
      `From ${opts.scheduledFor} to ${opts.scheduledUntil} (UTC).`,
      '',
      `Current status: ${opts.statusUrl}`,
      '',
      `Unsubscribe: ${opts.unsubscribeUrl}`,
    ].join('\n'),
    headers: unsubscribeHeaders(opts.unsubscribeUrl),
  };
}

/** "45 minutes", "1 hour", "2 hours 30 minutes". */
function inWords(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return plural(m, 'minute');
  return m === 0 ? plural(h, 'hour') : `${plural(h, 'hour')} ${plural(m, 'minute')}`;
}
