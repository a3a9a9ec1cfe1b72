import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { runPlayground, type PlaygroundEvent } from '../api/run-playground';
import type { Profile } from '../api/schemas';

type Run = {
  answer: string;
  reasoning: string;
  progress: string | null;
  outcome: { error: boolean; text: string } | null;
};

/** Tries the form's unsaved profile with a test question: streamed, nothing stored. */
export function Playground({ departmentId, profile }: { departmentId: string; profile: Profile }) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState('');
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<Run | null>(null);
  const controller = useRef<AbortController | null>(null);

  function apply(event: PlaygroundEvent) {
    setRun((current) => {
      const state = current ?? { answer: '', reasoning: '', progress: null, outcome: null };
      switch (event.type) {
        case 'queued':
          return { ...state, progress: t('admin.playground.queued', { position: event.position }) };
        case 'attempt':
          return { ...state, progress: t('admin.playground.attempt', { backend: event.backend, model: event.model ?? '–' }) };
        case 'delta':
          return { ...state, answer: state.answer + event.text, progress: null };
        case 'reasoning':
          return { ...state, reasoning: state.reasoning + event.text };
        case 'done':
          return {
            ...state,
            progress: null,
            outcome: {
              error: false,
              text: t('admin.playground.done', {
                backend: event.backend ?? '–',
                model: event.model ?? '–',
                duration: event.durationMs,
                ttft: event.timeToFirstTokenMs ?? '–',
                tokensIn: event.usage?.tokensIn ?? '–',
                tokensOut: event.usage?.tokensOut ?? '–',
              }),
            },
          };
        case 'error':
          return {
            ...state,
            progress: null,
            outcome: {
              error: true,
              text: t(event.status === 'PARTIAL' ? 'admin.playground.partial' : 'admin.playground.failed', { cause: event.cause }),
            },
          };
        default:
          return state;
      }
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!question.trim() || running) return;
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setRun({ answer: '', reasoning: '', progress: t('admin.playground.waiting'), outcome: null });
    try {
      await runPlayground(departmentId, { profile, question }, apply, abort.signal);
    } catch (error) {
      if (!isAbortError(error)) {
        setRun((current) => ({
          answer: current?.answer ?? '',
          reasoning: current?.reasoning ?? '',
          progress: null,
          outcome: { error: true, text: errorMessage(error, t) },
        }));
      }
    } finally {
      setRunning(false);
      controller.current = null;
    }
  }

  return (
    <section aria-labelledby="playground-heading" className="admin-card">
      <h2 id="playground-heading">{t('admin.playground.heading')}</h2>
      <p>{t('admin.playground.intro')}</p>
      <form onSubmit={(event) => void onSubmit(event)}>
        <label htmlFor="playground-question" className="field__label">
          {t('admin.playground.question')}
        </label>
        <textarea
          id="playground-question"
          rows={2}
          maxLength={4000}
          value={question}
          onChange={(event) => setQuestion(event.target.value)}
        />
        <div className="inline-fields">
          <button type="submit" className="button button--primary" disabled={running || !question.trim()}>
            {t('admin.playground.run')}
          </button>
          {running ? (
            <button type="button" className="button button--secondary" onClick={() => controller.current?.abort()}>
              {t('admin.playground.stop')}
            </button>
          ) : null}
        </div>
      </form>
      {run ? (
        <div className="playground__result">
          <h3>{t('admin.playground.answer')}</h3>
          <p className="playground__answer" data-testid="playground-answer">
            {run.answer}
          </p>
          {run.reasoning ? (
            <details>
              <summary>{t('admin.playground.reasoning')}</summary>
              <p className="playground__reasoning">{run.reasoning}</p>
            </details>
          ) : null}
          <p role="status" className={`notice${run.outcome?.error ? ' notice--error' : ''}`}>
            {run.progress ?? run.outcome?.text}
          </p>
        </div>
      ) : null}
    </section>
  );
}
