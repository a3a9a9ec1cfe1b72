import { describe, expect, test } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  test('quotes every field, doubles quotes and ends rows with CRLF', () => {
    expect(toCsv([['date', 'text'], ['2026-11-01', 'say "hi", then go']])).toBe(
      '"date","text"\r\n"2026-11-01","say ""hi"", then go"\r\n',
    );
  });

  test('keeps formulas inert but numbers as numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '@sum', -3, null]])).toBe('"\'=HYPERLINK(""x"")","\'+1","\'@sum","-3",""\r\n');
  });

  test('keeps Chinese text as it is', () => {
    expect(toCsv([['粵語', '中文（繁體）']])).toBe('"粵語","中文（繁體）"\r\n');
  });
});
