import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/banner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { switchAssistant } from '../api/switch-assistant';
import { useDepartmentSwitch } from './use-department-switch';

type KillSwitchProps = { departmentId: string; switchedOn: boolean; onChange: (on: boolean) => void };

/** Takes the assistant offline for citizens (after a confirmation) or back online. */
export function KillSwitch({ departmentId, switchedOn, onChange }: KillSwitchProps) {
  const { t } = useTranslation();
  const { confirming, setConfirming, busy, notice, change } = useDepartmentSwitch(
    (on) => switchAssistant(departmentId, on),
    onChange,
    (on) => (on ? t('admin.killSwitch.switchedOnNotice') : t('admin.killSwitch.switchedOffNotice')),
  );

  return (
    <section aria-labelledby="kill-switch-heading" className="admin-card">
      <h2 id="kill-switch-heading">{t('admin.killSwitch.heading')}</h2>
      {switchedOn ? (
        <p>{t('admin.killSwitch.onBody')}</p>
      ) : (
        <Banner tone="warning" title={t('admin.switchedOff')}>
          <p>{t('admin.killSwitch.offBody')}</p>
        </Banner>
      )}
      {switchedOn ? (
        <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirming(true)}>
          {t('admin.killSwitch.switchOff')}
        </button>
      ) : (
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void change(true)}>
          {t('admin.killSwitch.switchOn')}
        </button>
      )}
      <p role="status" className={`notice${notice?.error ? ' notice--error' : ''}`}>
        {notice?.text}
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('admin.killSwitch.confirmTitle')}
        body={t('admin.killSwitch.confirmBody')}
        confirmLabel={t('admin.killSwitch.confirm')}
        cancelLabel={t('admin.killSwitch.cancel')}
        busy={busy}
        onConfirm={() => void change(false)}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
