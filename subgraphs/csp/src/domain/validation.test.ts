import { DomainError } from '@polystatus/kit';
import { describe, expect, it } from 'vitest';
import { validateProviderInput } from './validation.ts';

const fields = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.details.map((d) => d.field);
    throw err;
  }
  return [];
};

describe('provider input', () => {
  it('requires name, feed URL and type on registration and reports every problem at once', () => {
    expect(fields(() => validateProviderInput({}, false))).toEqual(['name', 'feedUrl', 'type']);
    expect(
      fields(() =>
        validateProviderInput(
          { name: 'AWS!', feedUrl: 'not a url', type: 'xml', intervalSeconds: 1, enabled: 'yes' },
          false,
        ),
      ),
    ).toEqual(['name', 'feedUrl', 'type', 'intervalSeconds', 'enabled']);
  });

  it('refuses non-http schemes and URLs with credentials', () => {
    expect(
      fields(() => validateProviderInput({ name: 'a', feedUrl: 'file:///etc/passwd', type: 'rss' }, false)),
    ).toEqual(['feedUrl']);
    expect(
      fields(() => validateProviderInput({ name: 'a', feedUrl: 'https://u:p@x.io/f', type: 'rss' }, false)),
    ).toEqual(['feedUrl']);
  });

  it('accepts a valid registration and a partial edit', () => {
    expect(
      validateProviderInput(
        {
          name: 'aws',
          feedUrl: 'https://status.aws.amazon.com/rss/ec2.rss',
          type: 'rss',
          dependsOn: ['gcp', 'gcp'],
        },
        false,
      ),
    ).toEqual({
      name: 'aws',
      feedUrl: 'https://status.aws.amazon.com/rss/ec2.rss',
      type: 'rss',
      dependsOn: ['gcp'],
    });
    expect(validateProviderInput({ intervalSeconds: 600 }, true)).toEqual({ intervalSeconds: 600 });
  });
});
