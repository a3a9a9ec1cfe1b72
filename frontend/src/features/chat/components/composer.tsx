import { forwardRef, useId, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_LENGTH } from '../api/send-message';

type ComposerProps = {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  onStop: () => void;
  answering: boolean;
  stopping: boolean;
  disabled: boolean;
  /** The box's label when it is not the usual question to the assistant (a message to an officer). */
  label?: string;
};

export const Composer = forwardRef<HTMLTextAreaElement, ComposerProps>(function Composer(
  { value, onChange, onSend, onStop, answering, stopping, disabled, label },
  ref,
) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const counterId = useId();
  const left = MAX_MESSAGE_LENGTH - value.length;
  const tooLong = left < 0;
  const canSend = !disabled && !answering && value.trim() !== '' && !tooLong;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (canSend) onSend();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter while an input method is composing (Cantonese, Pinyin) picks a character: never send then
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    if (canSend) onSend();
  }

  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor={inputId} className="composer__label">
        {label ?? t('chat.inputLabel')}
      </label>
      <textarea
        ref={ref}
        id={inputId}
        className="composer__input"
        rows={2}
        value={value}
        disabled={disabled}
        aria-describedby={`${hintId} ${counterId}`}
        aria-invalid={tooLong || undefined}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="composer__hint">
        {t('chat.inputHint')}
      </p>
      <div className="composer__row">
        <p id={counterId} className={`composer__counter${tooLong ? ' composer__counter--error' : ''}`}>
          {tooLong ? t('chat.tooLong') : left <= 500 ? t('chat.charactersLeft', { count: left }) : ''}
        </p>
        {answering ? (
          <button type="button" className="button button--secondary" onClick={onStop} disabled={stopping}>
            {stopping ? t('chat.stopping') : t('chat.stop')}
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={!canSend}>
          {t('chat.send')}
        </button>
      </div>
    </form>
  );
});
