import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { useResource } from '../../../lib/use-resource';
import { getBackends } from '../api/get-backends';
import { getSettings } from '../api/get-settings';
import type { SettingsContent } from '../api/schemas';
import { BackendHealth } from './backend-health';
import { KillSwitch } from './kill-switch';
import { Playground } from './playground';
import { SettingsForm } from './settings-form';
import { SupervisionSwitch } from './supervision-switch';

/**
 * A department's assistant: kill switch, supervised mode, settings (saved as versions), backends' health,
 * playground.
 */
export function SettingsPage({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation();
  const settings = useResource(`settings:${departmentId}`, (signal) => getSettings(departmentId, signal));
  const backends = useResource('backends', (signal) => getBackends(signal));
  const [draft, setDraft] = useState<SettingsContent | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  if (settings.loading || backends.loading) return <p aria-busy="true">{t('admin.loading')}</p>;
  if (settings.error || backends.error || !settings.data || !backends.data) {
    return (
      <p role="alert" className="banner banner--error">
        {errorMessage(settings.error ?? backends.error, t)}
      </p>
    );
  }
  const current = settings.data;
  return (
    <div className="admin-stack">
      <KillSwitch
        departmentId={departmentId}
        switchedOn={current.switchedOn}
        onChange={(on) => settings.update((data) => (data ? { ...data, switchedOn: on } : data))}
      />
      <SupervisionSwitch
        departmentId={departmentId}
        supervised={current.supervisedAnswers}
        onChange={(on) => settings.update((data) => (data ? { ...data, supervisedAnswers: on } : data))}
      />
      <SettingsForm
        key={current.active.version}
        departmentId={departmentId}
        active={current.active}
        backends={backends.data}
        onDraftChange={setDraft}
        onSaved={(version) => {
          setDraft(null);
          setSaved(version.version);
          settings.update((data) => (data ? { ...data, active: version } : data));
        }}
        onReload={() => {
          setDraft(null);
          settings.reload();
        }}
      />
      <p role="status" className="notice" data-testid="settings-saved">
        {saved !== null ? t('admin.settings.saved', { version: saved }) : null}
      </p>
      <BackendHealth initial={backends.data} />
      <Playground departmentId={departmentId} profile={(draft ?? current.active.settings).profile} />
    </div>
  );
}
