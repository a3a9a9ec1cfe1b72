import { useTranslation } from 'react-i18next';
import { changeUiLanguage, currentUiLanguage, LANGUAGE_NAMES, UI_LANGUAGES } from '../lib/i18n';

/** Three buttons, each language named in itself, so anyone can find their own. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const current = currentUiLanguage();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === current}
          onClick={() => void changeUiLanguage(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </div>
  );
}
