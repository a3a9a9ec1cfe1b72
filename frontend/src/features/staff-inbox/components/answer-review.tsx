import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { approveAnswer } from '../api/approve-answer';
import type { PendingAnswer } from '../api/get-inbox';

/** One answer held for approval: send it as written, or edit it first. */
function ReviewItem({ answer }: { answer: PendingAnswer }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(answer.draft);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const editId = useId();

  async function approve(content?: string) {
    setBusy(true);
    setFailure(null);
    try {
      await approveAnswer({ messageId: answer.messageId, content });
      // the inbox stream drops the answer from the list
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="review-item">
      <p className="review-item__label">{t('staffPortal.question')}</p>
      <p className="review-item__text">{answer.question}</p>
      <p className="review-item__label">{t('staffPortal.draft')}</p>
      {editing ? (
        <>
          <label htmlFor={editId} className="visually-hidden">
            {t('staffPortal.editLabel')}
          </label>
          <textarea id={editId} rows={5} maxLength={4000} value={text} onChange={(event) => setText(event.target.value)} />
        </>
      ) : (
        <p className="review-item__text">{answer.draft}</p>
      )}
      {failure ? <p className="handoff__error" role="alert">{failure}</p> : null}
      <div className="handoff__actions">
        {editing ? (
          <>
            <button type="button" className="button button--primary button--small" disabled={busy || text.trim() === ''} onClick={() => void approve(text.trim())}>
              {t('staffPortal.sendEdited')}
            </button>
            <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => setEditing(false)}>
              {t('staffPortal.cancelEdit')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => void approve()}>
              {t('staffPortal.approve')}
            </button>
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => setEditing(true)}>
              {t('staffPortal.edit')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** Supervised departments: the assistant's answers that wait for an officer before citizens see them. */
export function AnswerReview({ answers }: { answers: PendingAnswer[] }) {
  const { t } = useTranslation();
  if (answers.length === 0) return <p>{t('staffPortal.reviewEmpty')}</p>;
  return (
    <ul className="review-list">
      {answers.map((answer) => (
        <ReviewItem key={answer.messageId} answer={answer} />
      ))}
    </ul>
  );
}
