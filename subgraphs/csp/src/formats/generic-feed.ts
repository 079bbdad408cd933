import type { CspStatus } from './types.ts';

/**
 * Status of an item of a feed that is not a known format (any RSS or Atom feed): the first status word found at
 * the start of its title or body ("[Resolved] …", "Resolved: …", "Monitoring - …"), else investigating, since a
 * status feed lists problems.
 */
const WORDS: [RegExp, CspStatus][] = [
  [/^\W*(resolved|fixed|closed|operating normally)\b/i, 'resolved'],
  [/^\W*completed\b/i, 'completed'],
  [/^\W*monitoring\b/i, 'monitoring'],
  [/^\W*identified\b/i, 'identified'],
  [/^\W*investigating\b/i, 'investigating'],
  [/^\W*(scheduled|planned)\b/i, 'scheduled'],
  [/^\W*in progress\b/i, 'in_progress'],
];

export function keywordStatus(title: string, body: string): CspStatus {
  for (const text of [title, body]) {
    for (const [re, status] of WORDS) if (re.test(text)) return status;
  }
  return 'investigating';
}
