import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './language-switcher';

/** The compact frame for an `<iframe>` on a department's own site: no site navigation. */
export function EmbedLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page page--embed">
      <header className="embed-header">
        <LanguageSwitcher />
      </header>
      <main id="main" className="embed-main">
        {children}
      </main>
      <footer className="embed-footer">
        <p>
          {t('footer.sovereign')}{' '}
          <a href="/privacy" target="_blank" rel="noopener noreferrer">
            {t('footer.privacy')}
          </a>
        </p>
      </footer>
    </div>
  );
}
