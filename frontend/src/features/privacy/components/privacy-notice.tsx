import { useTranslation } from 'react-i18next';

export type RetentionRow = { departmentId: string; name: string; retentionDays: number | null };

/** What is stored, for how long, and where: the full notice (the short one is `privacy.summary`). */
export function PrivacyNotice({ retention, headingLevel = 2 }: { retention: RetentionRow[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const known = retention.filter((row) => row.retentionDays !== null);
  return (
    <div className="privacy">
      <p className="privacy__summary">{t('privacy.summary')}</p>
      <Heading>{t('privacy.storedHeading')}</Heading>
      <p>{t('privacy.stored')}</p>
      <Heading>{t('privacy.retentionHeading')}</Heading>
      <p>{t('privacy.retentionIntro')}</p>
      {known.length > 0 ? (
        <dl className="privacy__retention">
          {known.map((row) => (
            <div key={row.departmentId}>
              <dt>{row.name}</dt>
              <dd>{t('privacy.retentionDays', { count: row.retentionDays ?? 0 })}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <Heading>{t('privacy.sovereigntyHeading')}</Heading>
      <p>{t('privacy.sovereignty')}</p>
      <Heading>{t('privacy.rightsHeading')}</Heading>
      <p>{t('privacy.rights')}</p>
    </div>
  );
}
