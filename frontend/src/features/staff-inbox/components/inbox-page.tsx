import { useTranslation } from 'react-i18next';
import { useInbox } from '../hooks/use-inbox';
import { AnswerReview } from './answer-review';
import { HandoffConversation } from './handoff-conversation';
import { InboxList } from './inbox-list';

type InboxPageProps = {
  selectedConversationId: string | null;
  onOpen: (conversationId: string | null) => void;
};

/** The staff portal's inbox, live: waiting citizens and call backs, the open conversation, answers to approve. */
export function InboxPage({ selectedConversationId, onOpen }: InboxPageProps) {
  const { t } = useTranslation();
  const { inbox, clockOffsetMs, reconnecting } = useInbox();
  return (
    <div className={`inbox-page${selectedConversationId ? ' inbox-page--open' : ''}`}>
      <section className="inbox-page__list" aria-labelledby="inbox-title">
        <h2 id="inbox-title">{t('staffPortal.inboxTitle')}</h2>
        {reconnecting ? <p className="handoff__meta">{t('staffPortal.reconnecting')}</p> : null}
        {inbox ? (
          <InboxList
            items={inbox.handoffs}
            clockOffsetMs={clockOffsetMs}
            selectedConversationId={selectedConversationId}
            onOpen={onOpen}
          />
        ) : (
          <p role="status">{t('staffPortal.inboxLoading')}</p>
        )}
        {inbox && inbox.answersToReview.length > 0 ? (
          <section aria-labelledby="review-title">
            <h2 id="review-title">{t('staffPortal.reviewTitle')}</h2>
            <AnswerReview answers={inbox.answersToReview} />
          </section>
        ) : null}
      </section>
      {selectedConversationId ? (
        <HandoffConversation key={selectedConversationId} conversationId={selectedConversationId} onBack={() => onOpen(null)} />
      ) : null}
    </div>
  );
}
