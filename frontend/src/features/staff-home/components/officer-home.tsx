import { useEffect, useState, type ReactNode } from 'react';
import { getOfficer, type Area, type LocalizedNames, type Officer, type OfficerResult } from '../api/get-officer';
import { signOut } from '../api/sign-out';
import { TEXTS, uiLanguage, type UiLanguage } from '../texts';

const SIGN_IN_ERROR_PATH = '/staff/sign-in-error';

function departmentName(names: LocalizedNames, language: UiLanguage): string {
  if (language === 'zh-HK') return names['zh-Hant'];
  if (language === 'zh-CN') return names['zh-Hans'];
  return names.en;
}

type Props = {
  area: Area;
  path: string;
  language?: string;
  /** What the area offers the signed-in officer below the greeting (the staff portal's inbox, say). */
  workspace?: (officer: Officer) => ReactNode;
};

/** The first page of the staff portal and of the admin console: who is signed in, and for which departments. */
export function OfficerHome({ area, path, language, workspace }: Props) {
  const lang = uiLanguage(language ?? navigator.language);
  const t = TEXTS[lang];
  const signInFailed = path === SIGN_IN_ERROR_PATH;
  const [result, setResult] = useState<OfficerResult | 'loading' | 'failed'>(signInFailed ? 'failed' : 'loading');

  useEffect(() => {
    if (signInFailed) return;
    const controller = new AbortController();
    getOfficer(area, lang, controller.signal)
      .then(setResult)
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) setResult('failed');
      });
    return () => controller.abort();
  }, [area, lang, signInFailed]);

  const title = area === 'admin' ? t.adminTitle : t.staffTitle;

  async function onSignOut() {
    try {
      window.location.assign(await signOut());
    } catch {
      setResult('failed');
    }
  }

  let body;
  if (signInFailed) {
    body = (
      <div role="alert">
        <p>{t.signInFailed}</p>
        <p>
          <a href={`/oauth2/authorization/sso`}>{t.tryAgain}</a>
        </p>
      </div>
    );
  } else if (result === 'loading') {
    body = <p aria-busy="true">{t.loading}</p>;
  } else if (result === 'failed') {
    body = <p role="alert">{t.failed}</p>;
  } else if (result.kind === 'refused') {
    body = (
      <div role="alert">
        <p>{result.detail ?? t.failed}</p>
        {result.signInUrl ? (
          <p>
            <a href={result.signInUrl}>{t.signIn}</a>
          </p>
        ) : null}
      </div>
    );
  } else {
    const { officer } = result;
    body = (
      <>
        <p>
          {t.signedInAs} <strong data-testid="officer-name">{officer.displayName}</strong>
        </p>
        <h2>{t.departments}</h2>
        {officer.everyDepartment ? <p>{t.everyDepartment}</p> : null}
        {officer.departments.length === 0 ? (
          <p>{t.noDepartments}</p>
        ) : (
          <ul data-testid="officer-departments">
            {officer.departments.map((department) => (
              <li key={department.id} lang={lang}>
                {departmentName(department.names, lang)}
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => void onSignOut()}>
          {t.signOut}
        </button>
        {workspace ? workspace(officer) : null}
      </>
    );
  }

  return (
    <main lang={lang} className="officer-home">
      <h1>{title}</h1>
      {body}
    </main>
  );
}
