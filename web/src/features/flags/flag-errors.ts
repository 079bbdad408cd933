import type { CombinedError } from '@urql/core';

/**
 * The flags domain's VALIDATION details (`extensions.details: [{field, issue}]`, fields spelled as the REST body
 * names them: `id`, `rules[2].if.op`, `fallthrough.rollout[0].weight`, `targets.users.alice`) by the editor
 * control they belong to: `key`, `kind`, `variations`, `offVariation`, `fallthrough`, `rules.<n>`,
 * `targets.<user>` (or `targets`), `description`; anything else under `''`. A message keeps the part of the path
 * below its control (`rollout[0].weight: …`), so a rule with three problems says which is which.
 */
export function flagFieldErrors(error: CombinedError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (control: string, line: string) => {
    out[control] = out[control] ? `${out[control]}; ${line}` : line;
  };
  for (const e of error?.graphQLErrors ?? []) {
    const details = e.extensions?.details as Array<{ field?: string; issue?: string }> | undefined;
    if (e.extensions?.code !== 'VALIDATION' || !Array.isArray(details)) continue;
    for (const d of details) {
      const field = String(d.field ?? '').replace(/^input\./, '');
      const issue = String(d.issue ?? 'is invalid');
      const [control, rest] = controlOf(field);
      add(control, rest ? `${rest}: ${issue}` : issue);
    }
  }
  return out;
}

function controlOf(field: string): [string, string] {
  if (field === 'id' || field === 'key') return ['key', ''];
  const rule = /^rules\[(\d+)\]\.?(.*)$/.exec(field);
  if (rule) return [`rules.${rule[1]}`, rule[2] ?? ''];
  const target = /^targets\.users\.(.+)$/.exec(field);
  if (target) return [`targets.${target[1]}`, ''];
  const top =
    /^(kind|on|variations|offVariation|fallthrough|targets|rules|description)(?:\[\d+\])?\.?(.*)$/.exec(
      field,
    );
  if (top) return [top[1]!, top[2] ?? ''];
  return ['', field];
}
