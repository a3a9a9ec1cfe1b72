import { useEffect, useRef, type ReactNode } from 'react';
import '../admin.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LanguageSwitcher } from '../../../components/language-switcher';
import { isAbortError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { currentUiLanguage, pickLocalized } from '../../../lib/i18n';
import { ApiError } from '../../../lib/problem';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useResource } from '../../../lib/use-resource';
import { getAdmin, type Admin } from '../api/get-admin';
import { signOut } from '../api/sign-out';

export type AdminSection = 'assistant' | 'versions' | 'dashboard' | 'conversations';

type AdminShellProps = {
  /** The department being administered (its pages get a navigation bar), or null on the start page. */
  departmentId: string | null;
  section: AdminSection | null;
  /** Changes when the admin moves to another page: focus then goes to its heading. */
  screenKey: string;
  children: (admin: Admin) => ReactNode;
};

const SECTIONS: { id: AdminSection; path: string }[] = [
  { id: 'assistant', path: '' },
  { id: 'versions', path: '/versions' },
  { id: 'dashboard', path: '/dashboard' },
  { id: 'conversations', path: '/conversations' },
];

/**
 * The frame of every admin console page: who is signed in, the department's sections, the language and
 * sign-out. Pages render only once the server has said who the admin is; sign-in problems are explained.
 */
export function AdminShell({ departmentId, section, screenKey, children }: AdminShellProps) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  const admin = useResource('admin-me', (signal) => getAdmin(signal));
  const mainRef = useRef<HTMLElement>(null);
  const firstScreen = useRef(true);
  useDocumentTitle(t('admin.title'));

  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1, h2');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }, [screenKey]);

  async function onSignOut() {
    window.location.assign(await signOut().catch(() => '/'));
  }

  let body: ReactNode;
  if (admin.loading) {
    body = <p aria-busy="true">{t('admin.loading')}</p>;
  } else if (admin.error || !admin.data) {
    const error = admin.error;
    const signInUrl = error instanceof ApiError && error.status === 401 ? '/oauth2/authorization/sso' : null;
    body = isAbortError(error) ? null : (
      <div role="alert" className="banner banner--error">
        <p className="banner__title">{errorMessage(error, t)}</p>
        {signInUrl && error instanceof ApiError && error.type !== '/problems/sign-in-not-configured' ? (
          <p>
            <a href={signInUrl}>{t('admin.signIn')}</a>
          </p>
        ) : null}
      </div>
    );
  } else {
    body = children(admin.data);
  }

  const department = departmentId ? admin.data?.departments.find((d) => d.id === departmentId) : undefined;

  return (
    <div className="page admin">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner admin__header">
          <Link href="/admin" className="site-header__brand">
            {t('app.name')}
          </Link>
          {admin.data ? (
            <p className="admin__who">
              {t('admin.signedInAs')} <strong data-testid="officer-name">{admin.data.displayName}</strong>
            </p>
          ) : null}
          <LanguageSwitcher />
          {admin.data ? (
            <button type="button" className="button button--secondary button--small" onClick={() => void onSignOut()}>
              {t('admin.signOut')}
            </button>
          ) : null}
        </div>
      </header>
      <main id="main" ref={mainRef} className="site-main admin__main" tabIndex={-1}>
        <h1 className="admin__title">
          {t('admin.title')}
          {department ? <span className="admin__department"> · {pickLocalized(department.names, language)}</span> : null}
        </h1>
        {department ? (
          <nav aria-label={t('admin.nav.label')} className="admin__nav">
            <ul>
              <li>
                <Link href="/admin">{t('admin.nav.allDepartments')}</Link>
              </li>
              {SECTIONS.map((item) => (
                <li key={item.id}>
                  <Link
                    href={`/admin/departments/${encodeURIComponent(department.id)}${item.path}`}
                    aria-current={item.id === section ? 'page' : undefined}
                  >
                    {t(`admin.nav.${item.id}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {departmentId && admin.data && !department ? (
          <p role="alert" className="banner banner--error">
            {t('admin.notFound')}
          </p>
        ) : (
          body
        )}
      </main>
    </div>
  );
}
