import { useTranslation } from 'react-i18next';
import type { Backend } from '../api/get-backends';

/** Each configured backend's live state, as the model gateway reports it now. */
export function BackendHealth({ backends }: { backends: Backend[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="backends-heading" className="admin-card">
      <h2 id="backends-heading">{t('admin.settings.backendsHeading')}</h2>
      <ul className="backend-list">
        {backends.map((backend) => (
          <li key={backend.id}>
            <span className={`status-pill ${backend.state === 'UP' ? 'status-pill--on' : 'status-pill--off'}`}>
              {t(`admin.settings.backendState.${backend.state}`)}
            </span>{' '}
            {t('admin.settings.backendStatus', {
              backend: backend.id,
              state: t(`admin.settings.backendState.${backend.state}`),
              inFlight: backend.inFlight,
              queued: backend.queued,
            })}
            {backend.reason ? <span className="admin__meta"> ({backend.reason})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
