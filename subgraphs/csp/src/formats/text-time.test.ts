import { describe, expect, it } from 'vitest';
import { toPlainLine, toPlainText } from './text.ts';
import { parseClockAfter, parseIsoTime, parseRfc822Time, parseYearlessStamp } from './time.ts';

describe('toPlainText', () => {
  it('strips tags, decodes entities, collapses whitespace, keeps line breaks of blocks', () => {
    expect(
      toPlainText('<p> A&nbsp;&amp;&#160;B<br/>next  <a href="x">link</a> </p><p>&lt;b&gt; &#x1F600;</p>'),
    ).toBe('A & B\nnext link\n<b> 😀');
  });
  it('leaves prose that merely contains < alone, and bad entities as written', () => {
    expect(toPlainText('latency < 5 ms & rising &#0; &#x110000; &bogus;')).toBe(
      'latency < 5 ms & rising &#0; &#x110000; &bogus;',
    );
  });
  it('drops scripts and comments; CRLF bodies become single lines', () => {
    expect(toPlainText('a<script>alert(1)</script><!-- c -->b\r\n\r\nc')).toBe('ab\nc');
    expect(toPlainLine('one\ntwo')).toBe('one two');
  });
});

describe('times', () => {
  it('ISO with Z, ±hh:mm and ±hhmm; none without an offset', () => {
    expect(parseIsoTime('2020-06-16T13:27:41.530-07:00')).toBe(Date.UTC(2020, 5, 16, 20, 27, 41, 530));
    expect(parseIsoTime('2022-07-01T13:37:44+00:00')).toBe(Date.UTC(2022, 6, 1, 13, 37, 44));
    expect(parseIsoTime('2026-09-29T17:52:52Z')).toBe(Date.UTC(2026, 8, 29, 17, 52, 52));
    expect(parseIsoTime('2026-09-29T19:52:52+0200')).toBe(Date.UTC(2026, 8, 29, 17, 52, 52));
    expect(parseIsoTime('2026-09-29T17:52:52')).toBeNull();
    expect(parseIsoTime('yesterday')).toBeNull();
  });
  it('RFC 822 with zone names and numeric offsets', () => {
    expect(parseRfc822Time('Fri, 23 Aug 2019 04:18:35 PDT')).toBe(Date.UTC(2019, 7, 23, 11, 18, 35));
    expect(parseRfc822Time('Sat, 07 Dec 2019 00:03:14 PST')).toBe(Date.UTC(2019, 11, 7, 8, 3, 14));
    expect(parseRfc822Time('Mon, 06 Jan 2025 10:00:00 +0100')).toBe(Date.UTC(2025, 0, 6, 9));
    expect(parseRfc822Time('Thu, 06 Aug 2026 01:09:00 Z')).toBe(Date.UTC(2026, 7, 6, 1, 9));
    expect(parseRfc822Time('Thu, 06 Aug 2026 01:09:00 XYZ')).toBeNull();
  });
  it('yearless history stamps take the year of the entry, across a year boundary', () => {
    expect(parseYearlessStamp('Jul 9, 04:34 UTC', Date.UTC(2026, 6, 9, 7))).toBe(Date.UTC(2026, 6, 9, 4, 34));
    expect(parseYearlessStamp('Dec 31, 23:50 CET', Date.UTC(2027, 0, 1, 2))).toBe(
      Date.UTC(2026, 11, 31, 22, 50),
    );
  });
  it('clock times roll over midnight after the previous update', () => {
    const evening = Date.UTC(2021, 5, 30, 2, 5); // 7:05 PM PDT on the 29th
    expect(parseClockAfter('7:46 PM PDT', evening)).toBe(Date.UTC(2021, 5, 30, 2, 46));
    expect(parseClockAfter('12:10 AM PDT', evening)).toBe(Date.UTC(2021, 5, 30, 7, 10));
  });
});
