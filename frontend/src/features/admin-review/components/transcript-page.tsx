import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { flagConversation } from '../api/flag-conversation';
import { getTranscript, type ReviewedMessage } from '../api/get-transcript';
import type { ReviewedConversation } from '../api/schemas';
import { unflagConversation } from '../api/unflag-conversation';

const AUTHOR = { USER: 'citizen', ASSISTANT: 'assistant', STAFF: 'officer', SYSTEM: 'system' } as const;

/** One conversation as the admin reviews it (opening it is audited), with its follow-up flag. */
export function TranscriptPage({ departmentId, conversationId }: { departmentId: string; conversationId: string }) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  const transcript = useResource(`transcript:${departmentId}:${conversationId}`, (signal) =>
    getTranscript(departmentId, conversationId, null, signal),
  );
  const [earlier, setEarlier] = useState<{ messages: ReviewedMessage[]; hasMore: boolean } | null>(null);
  const [conversation, setConversation] = useState<ReviewedConversation | null>(null);

  if (transcript.loading) return <p aria-busy="true">{t('admin.loading')}</p>;
  if (transcript.error || !transcript.data) {
    return (
      <div>
        <p role="alert" className="banner banner--error">
          {errorMessage(transcript.error, t)}
        </p>
        <Link href={`/admin/departments/${encodeURIComponent(departmentId)}/conversations`}>{t('admin.review.back')}</Link>
      </div>
    );
  }
  const current = conversation ?? transcript.data.conversation;
  const messages = [...(earlier?.messages ?? []), ...transcript.data.messages];
  const hasMore = earlier ? earlier.hasMore : transcript.data.hasMore;

  async function loadEarlier() {
    const page = await getTranscript(departmentId, conversationId, messages[0]?.seq ?? null);
    setEarlier({ messages: [...page.messages, ...(earlier?.messages ?? [])], hasMore: page.hasMore });
  }

  return (
    <div className="admin-stack">
      <p>
        <Link href={`/admin/departments/${encodeURIComponent(departmentId)}/conversations`}>{t('admin.review.back')}</Link>
      </p>
      <h2>{t('admin.review.transcriptHeading', { date: formatDateTime(current.createdAt, language) })}</h2>
      <p className="admin__meta">
        {t(`admin.review.statuses.${current.status}`)} · {t('admin.review.auditNotice')}
      </p>
      {hasMore ? (
        <button type="button" className="button button--secondary button--small" onClick={() => void loadEarlier()}>
          {t('admin.review.loadEarlier')}
        </button>
      ) : null}
      <ol className="chat__messages transcript">
        {messages.map((message) => (
          <li key={message.id} className={`message message--${message.role === 'USER' ? 'user' : 'assistant'}`}>
            <p className="message__author">
              {t(`admin.review.${AUTHOR[message.role]}`)} · {formatDateTime(message.createdAt, language)}
              {message.status !== 'COMPLETE' ? ` · ${t(`admin.review.messageStatus.${message.status}`)}` : ''}
            </p>
            <div className="message__bubble">
              <p className="message__text" lang={message.language ?? undefined}>
                {message.content}
              </p>
            </div>
            {message.backend ? (
              <p className="admin__meta">{t('admin.review.generatedBy', { backend: message.backend, model: message.model ?? '–' })}</p>
            ) : null}
            {message.feedback ? (
              <p className="admin__meta">
                {t('admin.review.feedback', {
                  rating: message.feedback.rating === 'up' ? t('admin.review.ratings.up') : t('admin.review.ratings.down'),
                })}
                {message.feedback.comment ? ` · ${t('admin.review.feedbackComment', { comment: message.feedback.comment })}` : ''}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <FlagForm departmentId={departmentId} conversation={current} onChange={setConversation} />
    </div>
  );
}

function FlagForm({
  departmentId,
  conversation,
  onChange,
}: {
  departmentId: string;
  conversation: ReviewedConversation;
  onChange: (conversation: ReviewedConversation) => void;
}) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  const [note, setNote] = useState(conversation.flag?.note ?? '');
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      onChange(await flagConversation(departmentId, conversation.id, note));
      setNotice({ error: false, text: t('admin.review.flagSaved') });
    } catch (error) {
      setNotice({ error: true, text: errorMessage(error, t) });
    }
  }

  async function onUnflag() {
    try {
      await unflagConversation(departmentId, conversation.id);
      onChange({ ...conversation, flag: null });
      setNote('');
      setNotice({ error: false, text: t('admin.review.flagRemoved') });
    } catch (error) {
      setNotice({ error: true, text: errorMessage(error, t) });
    }
  }

  return (
    <form className="admin-card" onSubmit={(event) => void onSubmit(event)}>
      <h3>{t('admin.review.flagHeading')}</h3>
      {conversation.flag ? (
        <p className="admin__meta">
          {t('admin.review.flaggedBy', { by: conversation.flag.flaggedBy, date: formatDateTime(conversation.flag.flaggedAt, language) })}
        </p>
      ) : null}
      <label htmlFor="flag-note" className="field__label">
        {t('admin.review.flagNote')}
      </label>
      <textarea id="flag-note" rows={3} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
      <div className="inline-fields">
        <button type="submit" className="button button--primary button--small">
          {conversation.flag ? t('admin.review.updateFlag') : t('admin.review.flag')}
        </button>
        {conversation.flag ? (
          <button type="button" className="button button--secondary button--small" onClick={() => void onUnflag()}>
            {t('admin.review.unflag')}
          </button>
        ) : null}
      </div>
      <p role="status" className={`notice${notice?.error ? ' notice--error' : ''}`}>
        {notice?.text}
      </p>
    </form>
  );
}
