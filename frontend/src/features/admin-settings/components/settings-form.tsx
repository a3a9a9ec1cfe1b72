import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/banner';
import { errorMessage } from '../../../lib/error-message';
import { currentUiLanguage } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { ApiError } from '../../../lib/problem';
import type { Backend } from '../api/get-backends';
import { saveSettings } from '../api/save-settings';
import type { SettingsContent, Version } from '../api/schemas';
import { Field } from './form-fields';

const LANGUAGES = ['en', 'zh-Hant', 'zh-Hans'] as const;

type SettingsFormProps = {
  departmentId: string;
  active: Version;
  backends: Backend[];
  /** The form's current content, for the playground. */
  onDraftChange: (draft: SettingsContent) => void;
  onSaved: (version: Version) => void;
  onReload: () => void;
};

/** Every setting of a department's assistant; saving writes a new version. */
export function SettingsForm({ departmentId, active, backends, onDraftChange, onSaved, onReload }: SettingsFormProps) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  const [draft, setDraft] = useState<SettingsContent>(active.settings);
  const [temperature, setTemperature] = useState(String(active.settings.profile.temperature));
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ tone: 'error'; text: string; conflict?: boolean } | null>(null);
  const [fallbackChoice, setFallbackChoice] = useState('');

  function update(change: (current: SettingsContent) => SettingsContent) {
    const next = change(draft);
    setDraft(next);
    onDraftChange(next);
  }

  function updateProfile(change: Partial<SettingsContent['profile']>) {
    update((current) => ({ ...current, profile: { ...current.profile, ...change } }));
  }

  const profile = draft.profile;
  const backend = backends.find((b) => b.id === profile.backendId);
  const stateName = (b: Backend) => t(`admin.settings.backendState.${b.state}`);
  const availableFallbacks = backends.filter((b) => b.id !== profile.backendId && !profile.fallbackBackends.includes(b.id));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    setOutcome(null);
    try {
      onSaved(await saveSettings(departmentId, active.version, draft));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setOutcome({ tone: 'error', text: t('admin.settings.conflict'), conflict: true });
      } else {
        const byField: Record<string, string> = {};
        if (error instanceof ApiError) {
          for (const fieldError of error.fieldErrors) {
            if (fieldError.field && !byField[fieldError.field]) byField[fieldError.field] = fieldError.message;
          }
        }
        setErrors(byField);
        setOutcome({ tone: 'error', text: errorMessage(error, t) });
      }
    } finally {
      setSaving(false);
    }
  }

  const text = (field: string) => t(`admin.versions.fields.${field}`);

  return (
    <form className="admin-card settings-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h2>{t('admin.settings.heading')}</h2>
      <p className="admin__meta" data-testid="active-version">
        {t('admin.settings.activeVersion', {
          version: active.version,
          by: active.createdBy,
          date: formatDateTime(active.createdAt, language),
        })}
      </p>

      <fieldset>
        <legend>{t('admin.settings.names')}</legend>
        {LANGUAGES.map((lang) => (
          <Field key={lang} label={text(`names.${lang}`)} error={errors[`names.${lang}`]}>
            {(props) => (
              <input
                {...props}
                lang={lang}
                value={draft.names[lang]}
                maxLength={200}
                onChange={(event) => update((current) => ({ ...current, names: { ...current.names, [lang]: event.target.value } }))}
              />
            )}
          </Field>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('admin.settings.greetings')}</legend>
        {LANGUAGES.map((lang) => (
          <Field key={lang} label={text(`profile.greeting.${lang}`)} error={errors[`profile.greeting.${lang}`]}>
            {(props) => (
              <textarea
                {...props}
                lang={lang}
                rows={2}
                value={profile.greeting[lang]}
                onChange={(event) => updateProfile({ greeting: { ...profile.greeting, [lang]: event.target.value } })}
              />
            )}
          </Field>
        ))}
      </fieldset>

      <Field label={t('admin.settings.systemPrompt')} hint={t('admin.settings.systemPromptHint')} error={errors['profile.systemPrompt']}>
        {(props) => (
          <textarea {...props} rows={8} value={profile.systemPrompt} onChange={(event) => updateProfile({ systemPrompt: event.target.value })} />
        )}
      </Field>

      <fieldset>
        <legend>{t('admin.settings.model')}</legend>
        <Field label={t('admin.settings.backend')} error={errors['profile.backendId']}>
          {(props) => (
            <select
              {...props}
              value={profile.backendId}
              onChange={(event) =>
                updateProfile({
                  backendId: event.target.value,
                  model: null,
                  fallbackBackends: profile.fallbackBackends.filter((id) => id !== event.target.value),
                })
              }
            >
              {backend ? null : <option value={profile.backendId}>{profile.backendId}</option>}
              {backends.map((b) => (
                <option key={b.id} value={b.id}>
                  {t('admin.settings.backendOption', { backend: b.id, state: stateName(b) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('admin.settings.modelName')} error={errors['profile.model']}>
          {(props) => (
            <select {...props} value={profile.model ?? ''} onChange={(event) => updateProfile({ model: event.target.value || null })}>
              <option value="">{t('admin.settings.defaultModel', { model: backend?.defaultModel ?? '–' })}</option>
              {(backend?.models ?? []).map((model) => (
                <option key={model} value={model}>
                  {model}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className={`field${errors['profile.fallbackBackends'] ? ' field--invalid' : ''}`}>
          <p className="field__label" id="fallbacks-label">
            {t('admin.settings.fallbacks')}
          </p>
          <p className="field__hint">{t('admin.settings.fallbacksHint')}</p>
          {profile.fallbackBackends.length === 0 ? <p>{t('admin.settings.noFallbacks')}</p> : null}
          <ol className="fallback-list" aria-labelledby="fallbacks-label">
            {profile.fallbackBackends.map((id, index) => (
              <li key={id}>
                <span>{id}</span>
                {index > 0 ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('admin.settings.moveUp', { backend: id })}
                    onClick={() => {
                      const order = [...profile.fallbackBackends];
                      [order[index - 1], order[index]] = [order[index], order[index - 1]];
                      updateProfile({ fallbackBackends: order });
                    }}
                  >
                    ↑
                  </button>
                ) : null}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('admin.settings.removeFallback', { backend: id })}
                  onClick={() => updateProfile({ fallbackBackends: profile.fallbackBackends.filter((other) => other !== id) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ol>
          {availableFallbacks.length > 0 ? (
            <div className="inline-fields">
              <select
                aria-label={t('admin.settings.fallbacks')}
                value={fallbackChoice}
                onChange={(event) => setFallbackChoice(event.target.value)}
              >
                <option value="">–</option>
                {availableFallbacks.map((b) => (
                  <option key={b.id} value={b.id}>
                    {t('admin.settings.backendOption', { backend: b.id, state: stateName(b) })}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={!fallbackChoice}
                onClick={() => {
                  updateProfile({ fallbackBackends: [...profile.fallbackBackends, fallbackChoice] });
                  setFallbackChoice('');
                }}
              >
                {t('admin.settings.addFallback')}
              </button>
            </div>
          ) : null}
          {errors['profile.fallbackBackends'] ? <p className="field__error">{errors['profile.fallbackBackends']}</p> : null}
        </div>
        <div className="field-row">
          <Field label={t('admin.settings.temperature')} hint={t('admin.settings.temperatureHint')} error={errors['profile.temperature']}>
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="decimal"
                min={0}
                max={2}
                step={0.05}
                value={temperature}
                onChange={(event) => {
                  setTemperature(event.target.value);
                  updateProfile({ temperature: event.target.value === '' ? Number.NaN : Number(event.target.value) });
                }}
              />
            )}
          </Field>
          <Field label={t('admin.settings.maxOutputTokens')} error={errors['profile.maxOutputTokens']}>
            {(props) => (
              <input
                {...props}
                type="number"
                min={1}
                max={32768}
                value={profile.maxOutputTokens}
                onChange={(event) => updateProfile({ maxOutputTokens: Number(event.target.value) })}
              />
            )}
          </Field>
          <Field label={t('admin.settings.memoryMessages')} error={errors['profile.memoryMessages']}>
            {(props) => (
              <input
                {...props}
                type="number"
                min={0}
                max={200}
                value={profile.memoryMessages}
                onChange={(event) => updateProfile({ memoryMessages: Number(event.target.value) })}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <div className="field field--checkbox">
        <input
          id="handoff-enabled"
          type="checkbox"
          checked={profile.handoffEnabled}
          onChange={(event) => updateProfile({ handoffEnabled: event.target.checked })}
        />
        <label htmlFor="handoff-enabled">{t('admin.settings.handoff')}</label>
      </div>

      <Field label={t('admin.settings.retentionDays')} error={errors.retentionDays}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={1}
            max={3650}
            value={draft.retentionDays}
            onChange={(event) => update((current) => ({ ...current, retentionDays: Number(event.target.value) }))}
          />
        )}
      </Field>

      {outcome ? (
        <Banner tone={outcome.tone} title={outcome.text} urgent>
          {outcome.conflict ? (
            <button type="button" className="button button--secondary button--small" onClick={onReload}>
              {t('admin.settings.reload')}
            </button>
          ) : null}
        </Banner>
      ) : null}
      <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
        {saving ? t('admin.settings.saving') : t('admin.settings.save')}
      </button>
    </form>
  );
}
