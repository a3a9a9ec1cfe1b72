import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ThumbDownIcon, ThumbUpIcon } from '../../../components/icons';
import { errorMessage } from '../../../lib/error-message';
import type { Feedback } from '../api/get-messages';
import { sendFeedback } from '../api/send-feedback';

type FeedbackControlsProps = {
  messageId: string;
  feedback: Feedback | null;
  onRated: (feedback: Feedback) => void;
};

/** Thumbs up or down, recorded at once; then an optional comment, sent with the same rating. */
export function FeedbackControls({ messageId, feedback, onRated }: FeedbackControlsProps) {
  const { t } = useTranslation();
  const [commentOpen, setCommentOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'thanks' | 'error'; text: string } | null>(null);
  const commentId = useId();

  async function submit(rating: 'up' | 'down', withComment?: string) {
    setBusy(true);
    setNotice(null);
    try {
      await sendFeedback({ messageId, rating, comment: withComment || undefined });
      onRated({ rating, comment: withComment || null });
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: `${t('feedback.failed')} ${errorMessage(error, t)}` });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function rate(rating: 'up' | 'down') {
    if (busy) return;
    if (await submit(rating)) {
      setCommentOpen(true);
      setNotice({ kind: 'thanks', text: t('feedback.thanks') });
    }
  }

  async function submitComment(event: FormEvent) {
    event.preventDefault();
    if (!feedback || busy) return;
    if (await submit(feedback.rating, comment.trim())) {
      setCommentOpen(false);
      setComment('');
      setNotice({ kind: 'thanks', text: t('feedback.thanks') });
    }
  }

  return (
    <div className="feedback">
      <div className="feedback__buttons" role="group" aria-label={t('feedback.group')}>
        <button
          type="button"
          className="icon-button"
          aria-pressed={feedback?.rating === 'up'}
          disabled={busy}
          onClick={() => void rate('up')}
        >
          <ThumbUpIcon /> {t('feedback.up')}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-pressed={feedback?.rating === 'down'}
          disabled={busy}
          onClick={() => void rate('down')}
        >
          <ThumbDownIcon /> {t('feedback.down')}
        </button>
      </div>
      {commentOpen && feedback ? (
        <form className="feedback__comment" onSubmit={(event) => void submitComment(event)}>
          <label htmlFor={commentId}>{t('feedback.commentLabel')}</label>
          <textarea id={commentId} rows={2} maxLength={2000} value={comment} onChange={(event) => setComment(event.target.value)} />
          <div className="feedback__comment-actions">
            <button type="submit" className="button button--secondary" disabled={busy || comment.trim() === ''}>
              {t('feedback.submit')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setCommentOpen(false)}>
              {t('feedback.skip')}
            </button>
          </div>
        </form>
      ) : null}
      <p className={`feedback__notice${notice?.kind === 'error' ? ' feedback__notice--error' : ''}`} role="status">
        {notice?.text ?? ''}
      </p>
    </div>
  );
}
