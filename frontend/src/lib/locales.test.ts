import { describe, expect, test } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import zhHK from '../locales/zh-HK.json';
import adminEn from '../locales/admin-en.json';
import adminZhCN from '../locales/admin-zh-CN.json';
import adminZhHK from '../locales/admin-zh-HK.json';

/** Keys without the plural suffixes: Chinese has only `_other`, English `_one` and `_other`. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) => (typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]))
    .map((key) => key.replace(/_(one|other)$/, ''))
    .filter((key, index, all) => all.indexOf(key) === index)
    .sort();
}

describe('translations', () => {
  test.each([
    ['zh-HK', zhHK],
    ['zh-CN', zhCN],
  ])('%s has every text that English has, and no other', (_, bundle) => {
    expect(keys(bundle)).toEqual(keys(en));
  });
});

describe('admin console translations', () => {
  test.each([
    ['zh-HK', adminZhHK],
    ['zh-CN', adminZhCN],
  ])('%s has every admin text that English has, and no other', (_, bundle) => {
    expect(keys(bundle)).toEqual(keys(adminEn));
  });

  test('live in their own section, apart from the citizen texts', () => {
    expect(Object.keys(adminEn)).toEqual(['admin']);
    expect(Object.keys(en)).not.toContain('admin');
  });
});
