import { InputCheck } from '@polystatus/kit';
import {
  MAX_INTERVAL_SECONDS,
  MIN_INTERVAL_SECONDS,
  PROVIDER_NAME,
  REQUESTED_TYPES,
  type RequestedType,
} from './provider.ts';

export interface ProviderInput {
  name?: unknown;
  feedUrl?: unknown;
  type?: unknown;
  intervalSeconds?: unknown;
  enabled?: unknown;
  dependsOn?: unknown;
}

export interface ValidProviderInput {
  name?: string;
  feedUrl?: string;
  type?: RequestedType;
  intervalSeconds?: number;
  enabled?: boolean;
  dependsOn?: string[];
}

/** An absolute http(s) URL without credentials (they would end up in logs and in every reader's hands). */
function feedUrl(check: InputCheck, value: unknown, required: boolean): string | undefined {
  const text = check.text('feedUrl', value, { max: 2048, required });
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    check.add('feedUrl', 'must be an absolute http or https URL');
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    check.add('feedUrl', 'must be an http or https URL');
  else if (url.username || url.password) check.add('feedUrl', 'must not carry credentials');
  else return url.toString();
  return undefined;
}

function providerIds(check: InputCheck, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > 50) {
    check.add('dependsOn', 'must be a list of at most 50 provider names');
    return undefined;
  }
  const ids = value.map((v, i) => {
    const id = check.text(`dependsOn[${i}]`, v, { max: 63, required: true });
    if (id !== undefined && !PROVIDER_NAME.test(id)) check.add(`dependsOn[${i}]`, 'is not a provider name');
    return id ?? '';
  });
  return [...new Set(ids)];
}

/**
 * The registration or edit of a provider. Every field is checked and every problem reported at once; on a
 * registration (`partial` false) name, feedUrl and type are required.
 */
export function validateProviderInput(input: ProviderInput, partial: boolean): ValidProviderInput {
  const check = new InputCheck();
  const out: ValidProviderInput = {};
  if (!partial || input.name !== undefined) {
    const name = check.text('name', input.name, { max: 63, required: true });
    if (name !== undefined && !PROVIDER_NAME.test(name)) {
      check.add('name', 'must be lower-case letters, digits, - or _, starting with a letter or digit');
    } else if (name !== undefined) out.name = name;
  }
  const url = feedUrl(check, input.feedUrl, !partial);
  if (url !== undefined) out.feedUrl = url;
  const type = check.oneOf('type', input.type, REQUESTED_TYPES, { required: !partial });
  if (type !== undefined) out.type = type;
  const interval = check.integer('intervalSeconds', input.intervalSeconds, {
    min: MIN_INTERVAL_SECONDS,
    max: MAX_INTERVAL_SECONDS,
  });
  if (interval !== undefined) out.intervalSeconds = interval;
  if (input.enabled !== undefined && input.enabled !== null) {
    if (typeof input.enabled !== 'boolean') check.add('enabled', 'must be true or false');
    else out.enabled = input.enabled;
  }
  const deps = providerIds(check, input.dependsOn);
  if (deps !== undefined) out.dependsOn = deps;
  check.throwIfAny();
  return out;
}
