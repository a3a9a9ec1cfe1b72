import { describe, expect, test } from 'vitest';
import i18next from 'i18next';
import { changeUiLanguage, initialUiLanguage, LANGUAGE_STORAGE_KEY, pickLocalized, uiLanguageForTag } from './i18n';

describe('UI language', () => {
  test.each([
    ['zh-HK', 'zh-HK'],
    ['zh-TW', 'zh-HK'],
    ['zh-MO', 'zh-HK'],
    ['zh-Hant', 'zh-HK'],
    ['zh-Hant-CN', 'zh-HK'],
    ['yue-HK', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
  ])('browser language %s starts the UI in %s', (tag, expected) => {
    expect(uiLanguageForTag(tag)).toBe(expected);
  });

  test('a remembered choice wins over the browser language', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'zh-CN');
    expect(initialUiLanguage()).toBe('zh-CN');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(initialUiLanguage()).toBe(uiLanguageForTag(navigator.languages[0] ?? navigator.language));
  });

  test('changing the language remembers it and sets <html lang>', async () => {
    await changeUiLanguage('zh-HK');
    expect(document.documentElement.lang).toBe('zh-HK');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-HK');
    expect(i18next.t('chat.send')).toBe('發送');
    await changeUiLanguage('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(i18next.t('chat.send')).toBe('发送');
  });

  test('department texts follow the script of the UI language', () => {
    const names = { en: 'Transport Department', 'zh-Hant': '運輸署', 'zh-Hans': '运输署' };
    expect(pickLocalized(names, 'en')).toBe('Transport Department');
    expect(pickLocalized(names, 'zh-HK')).toBe('運輸署');
    expect(pickLocalized(names, 'zh-CN')).toBe('运输署');
  });
});
