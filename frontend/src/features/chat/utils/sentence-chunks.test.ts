import { describe, expect, test } from 'vitest';
import { completedSentencesEnd, speakable } from './sentence-chunks';

describe('completedSentencesEnd', () => {
  test('finds the end of the last complete English sentence', () => {
    const text = 'First one. Second one! Third';
    expect(text.slice(0, completedSentencesEnd(text, 0))).toBe('First one. Second one!');
  });
  test('does not cut a decimal number or a web address', () => {
    expect(completedSentencesEnd('The fee is 4.50 dollars', 0)).toBe(0);
    expect(completedSentencesEnd('See www.example.gov for', 0)).toBe(0);
  });
  test('knows Chinese full stops, which need no space after them', () => {
    const text = '你好。請問有甚麼可以幫到你？我可以';
    expect(text.slice(0, completedSentencesEnd(text, 0))).toBe('你好。請問有甚麼可以幫到你？');
  });
  test('a line break ends a list item', () => {
    const text = '- Passport\n- Identity card';
    expect(text.slice(0, completedSentencesEnd(text, 0))).toBe('- Passport\n');
  });
  test('searches only after what was already spoken', () => {
    expect(completedSentencesEnd('One. Two', 4)).toBe(4);
  });
});

describe('speakable', () => {
  test('drops Markdown markers', () => {
    expect(speakable('## Fees\n- **Passport**: $460\n- see [the site](https://x.gov)')).toBe('Fees Passport: $460 see the site');
  });
  test('reads a link by its text even when its address has parentheses', () => {
    expect(speakable('[click](javascript:alert(1)) now')).toBe('click now');
  });
});
