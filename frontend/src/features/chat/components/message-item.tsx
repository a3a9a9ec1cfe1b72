import { useTranslation } from 'react-i18next';
import { MarkdownContent } from '../../../components/markdown-content';
import type { Feedback } from '../api/get-messages';
import type { ActiveAnswer, ChatMessage } from '../hooks/use-chat';
import { CopyButton } from './copy-button';
import { FeedbackControls } from './feedback-controls';

type MessageItemProps = {
  message: ChatMessage;
  active: ActiveAnswer | null;
  onRetry?: () => void;
  onReconnect: () => void;
  onRated: (key: string, feedback: Feedback) => void;
  showFeedback?: boolean;
};

const ROLE_LABEL = { USER: 'chat.you', ASSISTANT: 'chat.assistant', STAFF: 'chat.staff', SYSTEM: 'chat.system' } as const;

export function MessageItem({ message, active, onRetry, onReconnect, onRated, showFeedback = true }: MessageItemProps) {
  const { t } = useTranslation();
  const isActive = active?.key === message.key;
  const streaming = message.status === 'STREAMING';
  const fromCitizen = message.role === 'USER';
  const finishedAnswer = message.role === 'ASSISTANT' && !streaming && message.id !== null;

  return (
    <li className={`message message--${message.role.toLowerCase()}`} aria-busy={streaming || undefined}>
      <p className="message__author">{t(ROLE_LABEL[message.role])}</p>
      <div className="message__bubble">
        {fromCitizen || message.role === 'SYSTEM' ? (
          <p className="message__text">{message.content}</p>
        ) : message.content ? (
          <MarkdownContent source={message.content} />
        ) : null}
        {streaming ? (
          <p className="message__progress">
            {isActive && active.queuePosition !== null ? (
              t('chat.queued', { position: active.queuePosition })
            ) : isActive && active.held ? (
              t('handoff.checking')
            ) : message.content ? (
              <span className="typing-caret" aria-hidden="true" />
            ) : (
              t('chat.writing')
            )}
          </p>
        ) : null}
        {isActive && active.connection === 'reconnecting' ? <p className="message__note">{t('chat.reconnecting')}</p> : null}
        {isActive && active.connection === 'lost' ? (
          <p className="message__note message__note--error">
            {t('chat.connectionLost')}{' '}
            <button type="button" className="button button--secondary button--small" onClick={onReconnect}>
              {t('chat.reconnect')}
            </button>
          </p>
        ) : null}
        {message.status === 'CANCELLED' ? <p className="message__note">{t('chat.cancelled')}</p> : null}
        {message.status === 'PARTIAL' || message.status === 'FAILED' ? (
          <div className="message__note message__note--error">
            <p>{message.errorDetail ?? t(message.status === 'PARTIAL' ? 'chat.partial' : 'chat.failed')}</p>
            {onRetry ? (
              <button type="button" className="button button--secondary button--small" onClick={onRetry}>
                {t('chat.retry')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {finishedAnswer && message.content ? (
        <div className="message__actions">
          <CopyButton text={message.content} />
          {message.id && showFeedback ? (
            <FeedbackControls messageId={message.id} feedback={message.feedback} onRated={(feedback) => onRated(message.key, feedback)} />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
