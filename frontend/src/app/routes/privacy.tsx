import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getDepartments } from '../../features/departments/api/get-departments';
import { PrivacyNotice } from '../../features/privacy/components/privacy-notice';
import { currentUiLanguage, pickLocalized } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';

export function PrivacyRoute() {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  useDocumentTitle(`${t('privacy.title')} · ${t('app.name')}`);
  const departments = useResource('departments', getDepartments);
  const retention = (departments.data ?? []).map((department) => ({
    departmentId: department.id,
    name: pickLocalized(department.names, language),
    retentionDays: department.retentionDays ?? null,
  }));
  return (
    <article className="prose">
      <h1>{t('privacy.title')}</h1>
      <PrivacyNotice retention={retention} />
      <p>
        <Link href="/">{t('privacy.back')}</Link>
      </p>
    </article>
  );
}
