import { type FieldIssue, validationError } from './errors.ts';

/** Length as a person counts characters (code points): an emoji is one, not the two UTF-16 units it takes. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Control characters break terminals, logs and CSV exports; multi-line fields keep tab and line breaks. */
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LAYOUT = /(?![\t\n\r])\p{Cc}/u;

export interface TextRule {
  /** Most characters (code points) after trimming. */
  max: number;
  /** Absent (null or undefined) or blank is refused. Default false. */
  required?: boolean;
  /** Allows tab, CR and LF; every other control character is refused either way. Default false. */
  multiline?: boolean;
}

/**
 * Collects every problem of one input, so a client fixes a whole form in one round trip. Field names are the input
 * paths clients know (`title`, `services[1]`, `actionItems[0].text`). Each check returns the cleaned value, or
 * undefined when the value is absent or refused; `throwIfAny()` throws one VALIDATION DomainError with every
 * `{field, issue}`. Domain rules (a password policy, an email shape) live in their domain and report through `add`.
 */
export class InputCheck {
  private readonly found: FieldIssue[] = [];

  get issues(): readonly FieldIssue[] {
    return this.found;
  }

  add(field: string, issue: string): void {
    this.found.push({ field, issue });
  }

  /** True when `field` already has a problem, so a later rule does not pile a second issue onto it. */
  has(field: string): boolean {
    return this.found.some((i) => i.field === field);
  }

  /** A string, trimmed; counted in code points; control characters refused unless the rule allows layout ones. */
  text(field: string, value: unknown, rule: TextRule): string | undefined {
    if (value === undefined || value === null) {
      if (rule.required) this.add(field, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(field, 'must be a string');
      return undefined;
    }
    const trimmed = value.trim();
    if (rule.required && trimmed === '') {
      this.add(field, 'must not be empty');
      return undefined;
    }
    if (codePointLength(trimmed) > rule.max) {
      this.add(field, `must be at most ${rule.max} characters`);
      return undefined;
    }
    if ((rule.multiline ? CONTROL_BUT_LAYOUT : CONTROL).test(trimmed)) {
      this.add(field, 'must not contain control characters');
      return undefined;
    }
    return trimmed;
  }

  /** An integer within [min, max]; absent values pass unless required. */
  integer(
    field: string,
    value: unknown,
    range: { min: number; max: number; required?: boolean },
  ): number | undefined {
    if (value === undefined || value === null) {
      if (range.required) this.add(field, 'is required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
      this.add(field, `must be an integer from ${range.min} to ${range.max}`);
      return undefined;
    }
    return value;
  }

  /** One of a fixed set of values; absent values pass unless required. */
  oneOf<T extends string>(
    field: string,
    value: unknown,
    allowed: readonly T[],
    opts: { required?: boolean } = {},
  ): T | undefined {
    if (value === undefined || value === null) {
      if (opts.required) this.add(field, 'is required');
      return undefined;
    }
    if ((allowed as readonly unknown[]).includes(value)) return value as T;
    this.add(field, `must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  throwIfAny(): void {
    if (this.found.length) throw validationError([...this.found]);
  }
}
