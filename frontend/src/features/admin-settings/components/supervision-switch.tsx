import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { switchSupervision } from '../api/switch-supervision';
import { useDepartmentSwitch } from './use-department-switch';

type SupervisionSwitchProps = { departmentId: string; supervised: boolean; onChange: (on: boolean) => void };

/**
 * Supervised mode: every answer to a citizen waits for an officer's approval. Switching it on asks first
 * (citizens then wait for an officer); switching it off does not.
 */
export function SupervisionSwitch({ departmentId, supervised, onChange }: SupervisionSwitchProps) {
  const { t } = useTranslation();
  const { confirming, setConfirming, busy, notice, change } = useDepartmentSwitch(
    (on) => switchSupervision(departmentId, on),
    onChange,
    (on) => (on ? t('admin.supervision.onNotice') : t('admin.supervision.offNotice')),
  );

  return (
    <section aria-labelledby="supervision-heading" className="admin-card">
      <h2 id="supervision-heading">{t('admin.supervision.heading')}</h2>
      <div className="field field--checkbox">
        {/* a native checkbox: Space switches it; it shows the server's state until the server answers */}
        <input
          id="supervision-switch"
          type="checkbox"
          role="switch"
          className="switch"
          checked={supervised}
          disabled={busy}
          aria-describedby="supervision-hint"
          onChange={(event) => (event.target.checked ? setConfirming(true) : void change(false))}
        />
        <label htmlFor="supervision-switch">{t('admin.supervision.label')}</label>
      </div>
      <p id="supervision-hint" className="field__hint">
        {t('admin.supervision.hint')}
      </p>
      <p role="status" className={`notice${notice?.error ? ' notice--error' : ''}`}>
        {notice?.text}
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('admin.supervision.confirmTitle')}
        body={t('admin.supervision.confirmBody')}
        confirmLabel={t('admin.supervision.confirm')}
        cancelLabel={t('admin.supervision.cancel')}
        busy={busy}
        onConfirm={() => void change(true)}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
