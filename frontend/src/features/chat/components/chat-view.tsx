import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/banner';
import { errorMessage } from '../../../lib/error-message';
import { ApiError } from '../../../lib/problem';
import { useChat, type ChatMessage } from '../hooks/use-chat';
import { useHandoff } from '../hooks/use-handoff';
import { Composer } from './composer';
import { HandoffPanel } from './handoff-panel';
import { MessageItem } from './message-item';
import { StreamingAnnouncer } from './streaming-announcer';

/** What the chat needs to know of its department, already in the UI language. */
export type ChatDepartment = {
  id: string;
  name: string;
  greeting: string;
  available: boolean;
  /** `backend-down` when the assistant is on but its model backends are down; otherwise switched off. */
  unavailableReason?: string | null;
  /** Citizens can ask to talk to an officer in the chat. */
  handoffAvailable?: boolean;
};

type ChatViewProps = {
  department: ChatDepartment;
  conversationId: string | null;
  onConversationCreated?: (conversationId: string) => void;
  onNewConversation?: () => void;
  headingLevel?: 1 | 2;
  compact?: boolean;
  /** Where the conversations live: citizens' by default, or the staff portal's internal assistant. */
  base?: string;
  /** Thumbs up and down under answers (citizens rate answers; officers' own chats do not). */
  showFeedback?: boolean;
};

function lastSeqOf(messages: ChatMessage[]): number {
  return messages.reduce((highest, message) => Math.max(highest, message.seq ?? 0), 0);
}

function questionBefore(messages: ChatMessage[], index: number): string | null {
  for (let i = index - 1; i >= 0; i -= 1) {
    if (messages[i].role === 'USER') return messages[i].content;
  }
  return null;
}

export function ChatView({
  department,
  conversationId,
  onConversationCreated,
  onNewConversation,
  headingLevel = 1,
  compact = false,
  base,
  showFeedback = true,
}: ChatViewProps) {
  const { t } = useTranslation();
  const { state, send, stop, reconnect, loadOlder, rated, ensureConversation, append } = useChat({
    departmentId: department.id,
    conversationId,
    onConversationCreated,
    base,
  });
  const messagesRef = useRef(state.messages);
  messagesRef.current = state.messages;
  const lastSeq = useCallback(() => lastSeqOf(messagesRef.current), []);
  const handoff = useHandoff({
    conversationId: state.conversationId,
    enabled: department.handoffAvailable === true,
    ensureConversation,
    onMessages: append,
    lastSeq,
  });
  const [ratedDown, setRatedDown] = useState(false);
  const [offerDismissed, setOfferDismissed] = useState(false);
  const [draft, setDraft] = useState('');
  const [lastAttempt, setLastAttempt] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const answering = state.active !== null;
  const lastMessage = state.messages.at(-1);
  const withOfficer = handoff.state?.status === 'ESCALATED';
  const closed = handoff.state?.status === 'CLOSED';
  const canAskForOfficer =
    department.handoffAvailable === true &&
    !answering &&
    state.phase === 'ready' &&
    (handoff.state === null || (handoff.state.status === 'ACTIVE' && handoff.state.phase === null && handoff.state.available));
  const assistantFailed =
    lastMessage?.role === 'ASSISTANT' && (lastMessage.status === 'FAILED' || lastMessage.status === 'PARTIAL');
  const offer = !canAskForOfficer || offerDismissed ? null : ratedDown ? 'NEGATIVE_RATING' : assistantFailed ? 'ASSISTANT_FAILED' : null;

  async function submit(content: string) {
    setLastAttempt(content);
    setDraft('');
    const outcome = await send(content);
    if (outcome === 'rejected') setDraft((current) => (current === '' ? content : current));
  }

  // keep the newest text in view while it streams, unless the citizen scrolled away to read
  useEffect(() => {
    const end = endRef.current;
    if (!end || typeof end.scrollIntoView !== 'function') return;
    const rect = end.getBoundingClientRect();
    if (rect.top - window.innerHeight < 160) end.scrollIntoView({ block: 'end', behavior: 'auto' });
  }, [lastMessage?.content, state.messages.length]);

  // the Stop button goes away with the answer: do not leave keyboard focus nowhere
  useEffect(() => {
    if (!answering && (document.activeElement === document.body || document.activeElement === null)) {
      inputRef.current?.focus({ preventScroll: true });
    }
  }, [answering]);

  const sendError = state.sendError;
  const busy = sendError instanceof ApiError && sendError.status === 503;
  const notFound = state.phase === 'loadFailed' && state.loadError instanceof ApiError && state.loadError.status === 404;

  return (
    <section className={`chat${compact ? ' chat--compact' : ''}`} aria-labelledby={titleId}>
      <div className="chat__header">
        <Heading id={titleId} className="chat__title">
          {t('chat.title', { department: department.name })}
        </Heading>
        <div className="chat__header-actions">
          {canAskForOfficer ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={handoff.busy}
              onClick={() => void handoff.request('CITIZEN_REQUEST')}
            >
              {t('handoff.talk')}
            </button>
          ) : null}
          {onNewConversation && (state.conversationId || state.messages.length > 0) ? (
            <button type="button" className="button button--secondary button--small" onClick={onNewConversation}>
              {t('chat.newConversation')}
            </button>
          ) : null}
        </div>
      </div>

      {!department.available && !withOfficer ? (
        department.unavailableReason === 'backend-down' ? (
          <Banner tone="warning" title={t('chat.downTitle')}>
            <p>{t('chat.downBody', { department: department.name })}</p>
          </Banner>
        ) : (
          <Banner tone="warning" title={t('chat.unavailableTitle')}>
            <p>{t('chat.unavailableBody', { department: department.name })}</p>
          </Banner>
        )
      ) : null}

      {state.phase === 'loading' ? <p role="status">{t('chat.loading')}</p> : null}
      {state.phase === 'loadFailed' ? (
        <Banner tone="error" title={notFound ? t('chat.notFound') : t('chat.loadFailed')} urgent>
          {notFound ? null : <p>{errorMessage(state.loadError, t)}</p>}
        </Banner>
      ) : null}

      {state.phase === 'ready' ? (
        <>
          {state.hasMore ? (
            <button type="button" className="button button--quiet chat__older" onClick={() => void loadOlder()} disabled={state.loadingOlder}>
              {t('chat.loadOlder')}
            </button>
          ) : null}
          <ol className="chat__messages" aria-label={t('chat.messages')}>
            {!state.hasMore ? (
              <li className="message message--assistant message--greeting">
                <p className="message__author">{t('chat.assistant')}</p>
                <div className="message__bubble">
                  <p className="message__text">{department.greeting}</p>
                </div>
              </li>
            ) : null}
            {state.messages.map((message, index) => {
              const question = message.role === 'ASSISTANT' ? questionBefore(state.messages, index) : null;
              const canRetry = !answering && department.available && question !== null && index === state.messages.length - 1;
              return (
                <MessageItem
                  key={message.key}
                  message={message}
                  active={state.active}
                  onRetry={canRetry ? () => void submit(question) : undefined}
                  onReconnect={reconnect}
                  onRated={(key, feedback) => {
                    rated(key, feedback);
                    setRatedDown(feedback.rating === 'down');
                    if (feedback.rating === 'down') setOfferDismissed(false);
                  }}
                  showFeedback={showFeedback}
                />
              );
            })}
          </ol>
        </>
      ) : null}

      <StreamingAnnouncer messages={state.messages} active={state.active} />

      {state.phase === 'ready' ? (
        <HandoffPanel
          handoff={handoff}
          departmentName={department.name}
          offer={offer}
          onDismissOffer={() => {
            setOfferDismissed(true);
            setRatedDown(false);
          }}
        />
      ) : null}

      {sendError ? (
        <Banner
          tone={busy ? 'warning' : 'error'}
          urgent
          title={busy ? t('chat.busyTitle') : t('chat.sendFailed')}
          actions={
            lastAttempt && !answering && department.available ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setDraft('');
                  void submit(lastAttempt);
                }}
              >
                {t('chat.retry')}
              </button>
            ) : null
          }
        >
          <p>{errorMessage(sendError, t)}</p>
          {sendError.retryAfterSeconds ? <p>{t('chat.retryAfter', { count: sendError.retryAfterSeconds })}</p> : null}
        </Banner>
      ) : null}

      {notFound ? null : (
        <Composer
          ref={inputRef}
          value={draft}
          onChange={setDraft}
          onSend={() => void submit(draft.trim())}
          onStop={() => void stop()}
          answering={answering}
          stopping={state.active?.stopping ?? false}
          disabled={(!department.available && !withOfficer) || closed || state.phase !== 'ready'}
          label={withOfficer ? t('handoff.inputLabel') : undefined}
        />
      )}
      <div ref={endRef} />
    </section>
  );
}
