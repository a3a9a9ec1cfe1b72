import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../api/get-inbox';
import { formatWaited, useTicker } from './waiting-time';

type InboxListProps = {
  items: InboxItem[];
  clockOffsetMs: number;
  selectedConversationId: string | null;
  onOpen: (conversationId: string) => void;
};

/** The citizens waiting for (or talking to) an officer, and the call backs they asked for, oldest first. */
export function InboxList({ items, clockOffsetMs, selectedConversationId, onOpen }: InboxListProps) {
  const { t } = useTranslation();
  const now = useTicker();
  if (items.length === 0) return <p>{t('staffPortal.inboxEmpty')}</p>;
  return (
    <ul className="inbox-list" data-testid="inbox-list">
      {items.map(({ handoff, title, messageCount }) => {
        const selected = handoff.conversationId === selectedConversationId;
        const language = handoff.language ?? 'unknown';
        return (
          <li
            key={handoff.conversationId}
            className={`inbox-item inbox-item--${(handoff.phase ?? 'none').toLowerCase()}${selected ? ' inbox-item--selected' : ''}`}
            data-conversation-id={handoff.conversationId}
          >
            <p className="inbox-item__title">{title || t('staffPortal.untitled')}</p>
            <p className="inbox-item__meta">
              <span className="status-pill">{handoff.phase ? t(`staffPortal.phase.${handoff.phase}`) : ''}</span>{' '}
              <span>{t(`staffPortal.languages.${language}`, { defaultValue: language })}</span>
              {' · '}
              {handoff.phase === 'CLAIMED' ? (
                <span>{handoff.claimedByMe ? t('staffPortal.claimedByMe') : t('staffPortal.claimedBy', { name: handoff.claimedBy })}</span>
              ) : (
                <span>{t('staffPortal.waited', { time: formatWaited(handoff.requestedAt, now, clockOffsetMs) })}</span>
              )}
              {' · '}
              <span>{t('staffPortal.messages', { count: messageCount })}</span>
            </p>
            {handoff.phase === 'FOLLOW_UP' ? (
              <p className="inbox-item__meta">
                {t('staffPortal.caseReference', { reference: handoff.caseReference })}
                {' · '}
                {handoff.contact ? t('staffPortal.contact', { contact: handoff.contact }) : t('staffPortal.noContact')}
              </p>
            ) : null}
            <button
              type="button"
              className="button button--secondary button--small"
              aria-current={selected || undefined}
              aria-label={t('staffPortal.openLabel', { title: title || t('staffPortal.untitled') })}
              onClick={() => onOpen(handoff.conversationId)}
            >
              {t('staffPortal.open')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
