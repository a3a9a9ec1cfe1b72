import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LanguageSwitcher } from './language-switcher';

type LayoutProps = {
  children: ReactNode;
  /** Changes when the citizen moves to another screen: focus then goes to the new screen's content. */
  screenKey: string;
};

export function Layout({ children, screenKey }: LayoutProps) {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const firstScreen = useRef(true);

  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    const target = heading ?? mainRef.current;
    if (target) {
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: false });
    }
  }, [screenKey]);

  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="site-header__brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.main')} className="site-header__nav">
            <Link href="/">{t('nav.home')}</Link>
            <Link href="/privacy">{t('nav.privacy')}</Link>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" ref={mainRef} className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t('footer.sovereign')} <Link href="/privacy">{t('footer.privacy')}</Link>
        </p>
      </footer>
    </div>
  );
}
