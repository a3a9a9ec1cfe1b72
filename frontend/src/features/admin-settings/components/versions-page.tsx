import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { getVersionDiff, type VersionDiff } from '../api/get-version-diff';
import { getVersions, type VersionSummary } from '../api/get-versions';
import { restoreVersion } from '../api/restore-version';

/** Version history with who and when, a comparison of any two versions, and rollback. */
export function VersionsPage({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  const versions = useResource(`versions:${departmentId}`, (signal) => getVersions(departmentId, signal));
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);

  if (versions.loading) return <p aria-busy="true">{t('admin.loading')}</p>;
  if (versions.error || !versions.data) {
    return (
      <p role="alert" className="banner banner--error">
        {errorMessage(versions.error, t)}
      </p>
    );
  }
  const list = versions.data;
  const active = list.find((v) => v.active);
  const compareFrom = from ?? list[1]?.version ?? list[0]?.version;
  const compareTo = to ?? list[0]?.version;

  async function restore(version: VersionSummary) {
    if (!active) return;
    setBusy(true);
    setNotice(null);
    try {
      const restored = await restoreVersion(departmentId, version.version, active.version);
      setNotice({ error: false, text: t('admin.versions.restored', { version: restored.version }) });
      versions.reload();
    } catch (error) {
      setNotice({ error: true, text: errorMessage(error, t) });
    } finally {
      setBusy(false);
      setRestoring(null);
    }
  }

  async function compare(event: FormEvent) {
    event.preventDefault();
    if (compareFrom === undefined || compareTo === undefined) return;
    try {
      setDiff(await getVersionDiff(departmentId, compareFrom, compareTo));
    } catch (error) {
      setNotice({ error: true, text: errorMessage(error, t) });
    }
  }

  const fieldName = (field: string) => t(`admin.versions.fields.${field}`, { defaultValue: field });

  return (
    <div className="admin-stack">
      <section aria-labelledby="versions-heading" className="admin-card">
        <h2 id="versions-heading">{t('admin.versions.heading')}</h2>
        <p role="status" className={`notice${notice?.error ? ' notice--error' : ''}`}>
          {notice?.text}
        </p>
        <div className="table-scroll">
          <table className="admin-table" data-testid="version-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.versions.version')}</th>
                <th scope="col">{t('admin.versions.savedBy')}</th>
                <th scope="col">{t('admin.versions.savedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.versions.active')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((version) => (
                <tr key={version.version}>
                  <th scope="row">
                    {version.version}
                    {version.active ? <span className="status-pill status-pill--on">{t('admin.versions.active')}</span> : null}
                    {version.restoredFrom ? (
                      <span className="admin__meta"> {t('admin.versions.restoredFrom', { version: version.restoredFrom })}</span>
                    ) : null}
                  </th>
                  <td>{version.createdBy}</td>
                  <td>{formatDateTime(version.createdAt, language)}</td>
                  <td>
                    {version.active ? null : (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={busy}
                        onClick={() => setRestoring(version)}
                      >
                        {t('admin.versions.restore', { version: version.version })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-heading" className="admin-card">
        <h2 id="compare-heading">{t('admin.versions.compareHeading')}</h2>
        <form className="inline-fields" onSubmit={(event) => void compare(event)}>
          <VersionSelect label={t('admin.versions.from')} versions={list} value={compareFrom} onChange={setFrom} />
          <VersionSelect label={t('admin.versions.to')} versions={list} value={compareTo} onChange={setTo} />
          <button type="submit" className="button button--secondary">
            {t('admin.versions.show')}
          </button>
        </form>
        {diff ? (
          diff.changes.length === 0 ? (
            <p>{t('admin.versions.noDifference')}</p>
          ) : (
            <div className="table-scroll">
              <table className="admin-table" data-testid="version-diff">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.versions.field')}</th>
                    <th scope="col">{t('admin.versions.before', { version: diff.from })}</th>
                    <th scope="col">{t('admin.versions.after', { version: diff.to })}</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{fieldName(change.field)}</th>
                      {change.lines.length > 0 ? (
                        <td colSpan={2}>
                          <ul className="line-diff">
                            {change.lines.map((line, index) => (
                              <li key={index} className={`line-diff__${line.kind}`}>
                                {line.kind === 'same' ? null : (
                                  <span className="visually-hidden">
                                    {line.kind === 'added' ? t('admin.versions.lineAdded') : t('admin.versions.lineRemoved')}:{' '}
                                  </span>
                                )}
                                <span aria-hidden="true">{line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '− ' : '  '}</span>
                                {line.text}
                              </li>
                            ))}
                          </ul>
                        </td>
                      ) : (
                        <>
                          <td>{change.before}</td>
                          <td>{change.after}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : null}
      </section>

      <ConfirmDialog
        open={restoring !== null}
        title={t('admin.versions.restoreTitle', { version: restoring?.version })}
        body={t('admin.versions.restoreBody', { version: restoring?.version })}
        confirmLabel={t('admin.versions.restore', { version: restoring?.version })}
        cancelLabel={t('admin.killSwitch.cancel')}
        busy={busy}
        onConfirm={() => restoring && void restore(restoring)}
        onCancel={() => setRestoring(null)}
      />
    </div>
  );
}

type VersionSelectProps = {
  label: string;
  versions: VersionSummary[];
  value: number | undefined;
  onChange: (version: number) => void;
};

function VersionSelect({ label, versions, value, onChange }: VersionSelectProps) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {v.version}
          </option>
        ))}
      </select>
    </label>
  );
}
