import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/banner';
import { errorMessage } from '../../../lib/error-message';
import type { HandoffReason } from '../api/get-handoff';
import type { HandoffController } from '../hooks/use-handoff';

function elapsed(since: string | null | undefined, now: number): string {
  if (!since) return '0:00';
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Re-renders every second while `active`, for a waiting time that counts up. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

type HandoffPanelProps = {
  handoff: HandoffController;
  departmentName: string;
  /** The assistant could not help (failed answer, thumbs down): offer an officer. */
  offer: HandoffReason | null;
  onDismissOffer: () => void;
};

/**
 * Where the conversation stands with an officer: the offer to talk to one, waiting (with the time waited),
 * talking to one, nobody free (leave a contact or take a case reference), the case reference, or closed.
 */
export function HandoffPanel({ handoff, departmentName, offer, onDismissOffer }: HandoffPanelProps) {
  const { t } = useTranslation();
  const { state, busy, error, followUp } = handoff;
  const [contact, setContact] = useState('');
  const contactId = useId();
  const hintId = useId();
  const errorId = useId();
  const waiting = state?.status === 'ESCALATED' && state.phase === 'WAITING';
  const now = useNow(waiting);

  const failure = error ? <p className="handoff__error" id={errorId}>{errorMessage(error, t)}</p> : null;

  if (!state) return failure;

  if (state.status === 'CLOSED') {
    return (
      <Banner tone="info" title={t('handoff.closedTitle')}>
        <p>{t('handoff.closedBody')}</p>
      </Banner>
    );
  }

  if (state.status === 'ESCALATED' && state.phase === 'TIMED_OUT') {
    async function submit(event: FormEvent) {
      event.preventDefault();
      if (await handoff.leaveContact(contact.trim())) setContact('');
    }
    return (
      <div className="handoff" role="region" aria-labelledby={`${contactId}-title`}>
        <p className="handoff__title" id={`${contactId}-title`}>
          {t('handoff.timedOutTitle')}
        </p>
        <p>{t('handoff.timedOutBody')}</p>
        <form className="handoff__form" onSubmit={(event) => void submit(event)}>
          <label htmlFor={contactId}>{t('handoff.contactLabel')}</label>
          <input
            id={contactId}
            type="text"
            inputMode="email"
            autoComplete="tel"
            maxLength={254}
            value={contact}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setContact(event.target.value)}
          />
          <p className="handoff__hint" id={hintId}>
            {t('handoff.contactHint')}
          </p>
          {failure}
          <div className="handoff__actions">
            <button type="submit" className="button button--primary" disabled={busy || contact.trim() === ''}>
              {t('handoff.leaveContact')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void handoff.leaveContact(null)}>
              {t('handoff.takeReference')}
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => void handoff.cancel()}>
              {t('handoff.backToAssistant')}
            </button>
          </div>
        </form>
      </div>
    );
  }

  if (state.status === 'ESCALATED') {
    const claimed = state.phase === 'CLAIMED';
    return (
      <div className="handoff" role="status">
        <p className="handoff__title">{claimed ? t('handoff.claimedTitle') : t('handoff.waitingTitle')}</p>
        <p>
          {claimed
            ? t('handoff.claimedBody', { department: departmentName })
            : t('handoff.waitingBody', { department: departmentName })}
        </p>
        {waiting ? <p className="handoff__meta">{t('handoff.waited', { time: elapsed(state.requestedAt, now) })}</p> : null}
        {handoff.reconnecting ? <p className="handoff__meta">{t('handoff.reconnecting')}</p> : null}
        {failure}
        <div className="handoff__actions">
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void handoff.cancel()}>
            {t('handoff.backToAssistant')}
          </button>
        </div>
      </div>
    );
  }

  const reference = followUp?.caseReference ?? (state.phase === 'FOLLOW_UP' ? state.caseReference : null);
  if (reference) {
    return (
      <Banner tone="info" title={t('handoff.followUpTitle', { reference })}>
        <p>{followUp?.contact || state.contactLeft ? t('handoff.followUpContact') : t('handoff.followUpReference')}</p>
      </Banner>
    );
  }

  if (offer && state.available) {
    return (
      <Banner
        tone="info"
        title={t('handoff.offerTitle')}
        actions={
          <>
            <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => void handoff.request(offer)}>
              {t('handoff.talk')}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={onDismissOffer}>
              {t('handoff.noThanks')}
            </button>
          </>
        }
      >
        <p>
          {offer === 'NEGATIVE_RATING'
            ? t('handoff.offerRating', { department: departmentName })
            : t('handoff.offerFailed', { department: departmentName })}
        </p>
        {failure}
      </Banner>
    );
  }
  return failure;
}
