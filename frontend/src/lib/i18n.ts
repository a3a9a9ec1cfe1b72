import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhHK from '../locales/zh-HK.json';
import zhCN from '../locales/zh-CN.json';

export const UI_LANGUAGES = ['en', 'zh-HK', 'zh-CN'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language's own name, shown in the switcher whatever the current language. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  'zh-HK': '繁體中文',
  'zh-CN': '简体中文',
};

export const LANGUAGE_STORAGE_KEY = 'govchat.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Maps a browser language tag to a UI language: Hong Kong, Taiwan, Macau and explicit Traditional script
 * read Traditional Chinese, any other Chinese reads Simplified, everything else English.
 */
export function uiLanguageForTag(tag: string): UiLanguage {
  const lower = tag.toLowerCase();
  if (lower !== 'zh' && !lower.startsWith('zh-')) return 'en';
  if (lower.includes('-hant')) return 'zh-HK';
  if (lower.includes('-hans')) return 'zh-CN';
  if (/^zh-(hk|tw|mo)\b/.test(lower)) return 'zh-HK';
  return 'zh-CN';
}

function readStoredLanguage(): UiLanguage | null {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(stored) ? stored : null;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame)
  }
}

/** The language to start in: the citizen's earlier choice, else the browser's first preference. */
export function initialUiLanguage(): UiLanguage {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred[0] ? uiLanguageForTag(preferred[0]) : 'en';
}

export function rememberUiLanguage(language: UiLanguage): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // the choice still applies to this page
  }
}

export function currentUiLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'en';
}

/** What the API is told in `Accept-Language`: exactly the UI language tag. */
export function currentApiLanguage(): string {
  return currentUiLanguage();
}

export type LocalizedText = { en: string; 'zh-Hant': string; 'zh-Hans': string };

/** Picks the text of a server-side {en, zh-Hant, zh-Hans} triple for a UI language. */
export function pickLocalized(text: LocalizedText, language: UiLanguage): string {
  if (language === 'zh-HK') return text['zh-Hant'] || text.en;
  if (language === 'zh-CN') return text['zh-Hans'] || text.en;
  return text.en;
}

function applyDocumentLanguage(language: string) {
  document.documentElement.lang = isUiLanguage(language) ? language : 'en';
}

export async function initI18n(language: UiLanguage = initialUiLanguage()) {
  if (!i18next.isInitialized) {
    i18next.on('languageChanged', applyDocumentLanguage);
    await i18next.use(initReactI18next).init({
      resources: {
        en: { translation: en },
        'zh-HK': { translation: zhHK },
        'zh-CN': { translation: zhCN },
      },
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...UI_LANGUAGES],
      load: 'currentOnly',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
  } else if (i18next.language !== language) {
    await i18next.changeLanguage(language);
  }
  applyDocumentLanguage(i18next.language);
  return i18next;
}

export async function changeUiLanguage(language: UiLanguage) {
  rememberUiLanguage(language);
  await i18next.changeLanguage(language);
}
