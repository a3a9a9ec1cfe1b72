import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBackends, type Backend } from '../api/get-backends';

/** How often the backends' state is asked again while the page is open. */
export const BACKEND_REFRESH_MS = 15_000;

/** Each configured backend's live state, as the model gateway reports it, refreshed while the page is open. */
export function BackendHealth({ initial }: { initial: Backend[] }) {
  const { t } = useTranslation();
  const [backends, setBackends] = useState(initial);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setInterval(() => {
      getBackends(controller.signal).then(setBackends, () => undefined); // keep the last known state
    }, BACKEND_REFRESH_MS);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, []);

  return (
    <section aria-labelledby="backends-heading" className="admin-card">
      <h2 id="backends-heading">{t('admin.settings.backendsHeading')}</h2>
      <ul className="backend-list" data-testid="backend-health">
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
