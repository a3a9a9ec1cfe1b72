import { describe, expect, test } from 'vitest';
import { mergeDelta } from './merge-delta';

describe('mergeDelta', () => {
  test('appends a piece that starts where the text ends', () => {
    expect(mergeDelta('Hello', ' world', 11)).toBe('Hello world');
  });
  test('skips characters a resumed stream sends again', () => {
    expect(mergeDelta('Hello wo', 'world!', 12)).toBe('Hello world!');
  });
  test('ignores a piece the text already holds', () => {
    expect(mergeDelta('Hello world', 'world', 11)).toBe('Hello world');
  });
  test('appends when the server gives no id', () => {
    expect(mergeDelta('a', 'b', null)).toBe('ab');
  });
  test('counts characters as the server does (UTF-16 units), so Chinese resumes cleanly', () => {
    expect(mergeDelta('你好，', '，請問', 5)).toBe('你好，請問');
  });
});
