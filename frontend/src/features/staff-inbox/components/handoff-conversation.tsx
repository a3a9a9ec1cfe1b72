import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { MAX_REPLY_LENGTH } from '../api/send-reply';
import { useTranscript } from '../hooks/use-transcript';

type HandoffConversationProps = {
  conversationId: string;
  onBack: () => void;
};

/** A citizen's conversation, live: the transcript, and taking it, writing, handing it back or closing it. */
export function HandoffConversation({ conversationId, onBack }: HandoffConversationProps) {
  const { t } = useTranslation();
  const transcript = useTranscript(conversationId);
  const { handoff, messages, busy } = transcript;
  const [draft, setDraft] = useState('');
  const titleId = useId();
  const replyId = useId();
  const endRef = useRef<HTMLDivElement>(null);
  const lastCitizenMessage = [...messages].reverse().find((message) => message.role === 'USER');

  useEffect(() => {
    const end = endRef.current;
    if (end && typeof end.scrollIntoView === 'function') end.scrollIntoView({ block: 'end' });
  }, [messages.length]);

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const content = draft.trim();
    if (content === '' || busy) return;
    if (await transcript.reply(content)) setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter while an input method is composing picks a character: never send then
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    void send();
  }

  const mine = handoff?.phase === 'CLAIMED' && handoff.claimedByMe;

  return (
    <section className="handoff-conversation" aria-labelledby={titleId} data-testid="handoff-conversation">
      <div className="chat__header">
        <h2 id={titleId} className="chat__title">
          {t('staffPortal.conversationTitle')}
        </h2>
        <button type="button" className="button button--quiet button--small" onClick={onBack}>
          {t('staffPortal.backToInbox')}
        </button>
      </div>
      {transcript.loadError ? (
        <p role="alert" className="handoff__error">
          {transcript.loadError.status === 404 ? t('staffPortal.loadFailed') : errorMessage(transcript.loadError, t)}
        </p>
      ) : null}
      {handoff ? (
        <p className="handoff__meta">
          {handoff.phase ? t(`staffPortal.phase.${handoff.phase}`) : t('staffPortal.notOpen')}
          {handoff.language ? ` · ${t(`staffPortal.languages.${handoff.language}`, { defaultValue: handoff.language })}` : ''}
          {handoff.phase === 'CLAIMED' && !handoff.claimedByMe ? ` · ${t('staffPortal.claimedBy', { name: handoff.claimedBy })}` : ''}
        </p>
      ) : null}
      <ol className="chat__messages" aria-label={t('staffPortal.transcript')}>
        {messages.map((message) => (
          <li key={message.id} className={`message message--${message.role.toLowerCase()}`}>
            <p className="message__author">
              {t(`staffPortal.roles.${message.role}`)}
              {message.role === 'STAFF' && message.authorName ? ` · ${message.authorName}` : ''}
              {message.reviewState === 'PENDING' ? ` · ${t('staffPortal.pendingReview')}` : ''}
            </p>
            <div className="message__bubble">
              <p className="message__text">{message.content}</p>
            </div>
          </li>
        ))}
      </ol>
      <div ref={endRef} />
      <p className="visually-hidden" aria-live="polite">
        {lastCitizenMessage ? `${t('staffPortal.roles.USER')}: ${lastCitizenMessage.content}` : ''}
      </p>
      {transcript.reconnecting ? <p className="handoff__meta">{t('staffPortal.reconnecting')}</p> : null}
      {transcript.actionError ? (
        <p role="alert" className="handoff__error">
          {errorMessage(transcript.actionError, t)}
        </p>
      ) : null}

      {handoff && (handoff.phase === 'WAITING' || handoff.phase === 'TIMED_OUT') ? (
        <div className="handoff__actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void transcript.claim()}>
            {t('staffPortal.claim')}
          </button>
        </div>
      ) : null}

      {handoff?.phase === 'FOLLOW_UP' ? (
        <div className="handoff">
          <p className="handoff__title">{t('staffPortal.caseReference', { reference: handoff.caseReference })}</p>
          <p>{handoff.contact ? t('staffPortal.contact', { contact: handoff.contact }) : t('staffPortal.noContact')}</p>
          <div className="handoff__actions">
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void transcript.close()}>
              {t('staffPortal.followUpDone')}
            </button>
          </div>
        </div>
      ) : null}

      {mine ? (
        <form className="composer" onSubmit={(event) => void send(event)}>
          <label htmlFor={replyId} className="composer__label">
            {t('staffPortal.replyLabel')}
          </label>
          <textarea
            id={replyId}
            className="composer__input"
            rows={2}
            maxLength={MAX_REPLY_LENGTH}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <div className="composer__row">
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => void transcript.handBack()}>
              {t('staffPortal.handBack')}
            </button>
            <button type="button" className="button button--danger-quiet" disabled={busy} onClick={() => void transcript.close()}>
              {t('staffPortal.close')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy || draft.trim() === ''}>
              {t('staffPortal.send')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
