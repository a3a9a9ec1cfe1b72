import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { deleteConversation } from '../api/delete-conversation';
import type { ConversationSummary } from '../api/get-conversations';

type ConversationListProps = {
  conversations: ConversationSummary[];
  departmentName: (departmentId: string) => string;
  hrefFor: (conversation: ConversationSummary) => string;
  onDeleted: (conversationId: string) => void;
};

/** The citizen's own conversations: continue one, or erase it after confirming. */
export function ConversationList({ conversations, departmentName, hrefFor, onDeleted }: ConversationListProps) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  const [pending, setPending] = useState<ConversationSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  const titleOf = (conversation: ConversationSummary) => conversation.title?.trim() || t('conversations.untitled');

  async function confirmDelete() {
    if (!pending) return;
    setBusy(true);
    try {
      await deleteConversation({ conversationId: pending.id });
      onDeleted(pending.id);
      setNotice({ kind: 'done', text: t('conversations.deleted') });
      setPending(null);
    } catch (error) {
      setNotice({ kind: 'error', text: `${t('conversations.deleteFailed')} ${errorMessage(error, t)}` });
      setPending(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {conversations.length === 0 ? (
        <p>{t('conversations.empty')}</p>
      ) : (
        <ul className="conversation-list">
          {conversations.map((conversation) => {
            const title = titleOf(conversation);
            return (
              <li key={conversation.id} className="conversation-list__item">
                <div className="conversation-list__text">
                  <Link href={hrefFor(conversation)} className="conversation-list__title" aria-label={t('conversations.continueLabel', { title })}>
                    {title}
                  </Link>
                  <p className="conversation-list__meta">
                    {departmentName(conversation.departmentId)} ·{' '}
                    {t('conversations.lastActivity', { date: formatDateTime(conversation.lastActivityAt, language) })}
                  </p>
                </div>
                <button
                  type="button"
                  className="button button--danger-quiet button--small"
                  aria-label={t('conversations.deleteLabel', { title })}
                  onClick={() => setPending(conversation)}
                >
                  {t('conversations.delete')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" className={notice?.kind === 'error' ? 'notice notice--error' : 'notice'}>
        {notice?.text ?? ''}
      </p>
      <ConfirmDialog
        open={pending !== null}
        title={t('conversations.confirmTitle')}
        body={pending ? t('conversations.confirmBody', { title: titleOf(pending) }) : ''}
        confirmLabel={t('conversations.confirmDelete')}
        cancelLabel={t('conversations.cancel')}
        busy={busy}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setPending(null)}
      />
    </>
  );
}
