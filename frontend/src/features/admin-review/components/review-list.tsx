import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { currentUiLanguage } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { exportUrl, listConversations, NO_FILTERS, type ReviewFilters } from '../api/list-conversations';
import type { ReviewedConversation } from '../api/schemas';

const LANGUAGES = ['en', 'yue-Hant', 'zh-Hant', 'zh-Hans'];

/** The department's citizen conversations, filtered, newest first, with a CSV export of the same list. */
export function ReviewList({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  const [form, setForm] = useState<ReviewFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<ReviewFilters>(NO_FILTERS);
  const [more, setMore] = useState<{ rows: ReviewedConversation[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const first = useResource(`review:${departmentId}:${JSON.stringify(filters)}`, (signal) =>
    listConversations(departmentId, filters, null, signal),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMore(null);
    setFilters(form);
  }

  async function loadMore(cursor: string) {
    try {
      const page = await listConversations(departmentId, filters, cursor);
      setMore((current) => ({ rows: [...(current?.rows ?? []), ...page.conversations], cursor: page.nextCursor ?? null }));
    } catch (error) {
      setMoreError(error);
    }
  }

  const rows = [...(first.data?.conversations ?? []), ...(more?.rows ?? [])];
  const cursor = more ? more.cursor : (first.data?.nextCursor ?? null);
  const choice = (key: keyof ReviewFilters, options: [string, string][]) => (
    <label className="filter">
      <span>{t(`admin.review.${key}`)}</span>
      <select value={form[key]} onChange={(event) => setForm({ ...form, [key]: event.target.value })}>
        <option value="">{t('admin.review.any')}</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="admin-stack">
      <h2>{t('admin.review.heading')}</h2>
      <form className="admin-card review-filters" onSubmit={onSubmit} aria-label={t('admin.review.filters')}>
        <label className="filter">
          <span>{t('admin.review.from')}</span>
          <input type="date" value={form.from} onChange={(event) => setForm({ ...form, from: event.target.value })} />
        </label>
        <label className="filter">
          <span>{t('admin.review.to')}</span>
          <input type="date" value={form.to} onChange={(event) => setForm({ ...form, to: event.target.value })} />
        </label>
        {choice(
          'language',
          LANGUAGES.map((tag) => [tag, t(`admin.dashboard.languages.${tag}`)]),
        )}
        {choice('rating', [
          ['up', t('admin.review.ratings.up')],
          ['down', t('admin.review.ratings.down')],
          ['none', t('admin.review.ratings.none')],
        ])}
        {choice('status', [
          ['ACTIVE', t('admin.review.statuses.ACTIVE')],
          ['ESCALATED', t('admin.review.statuses.ESCALATED')],
          ['CLOSED', t('admin.review.statuses.CLOSED')],
        ])}
        {choice('escalated', [
          ['true', t('admin.review.yes')],
          ['false', t('admin.review.no')],
        ])}
        {choice('flagged', [
          ['true', t('admin.review.yes')],
          ['false', t('admin.review.no')],
        ])}
        <label className="filter filter--wide">
          <span>{t('admin.review.search')}</span>
          <input type="search" value={form.q} maxLength={200} onChange={(event) => setForm({ ...form, q: event.target.value })} />
        </label>
        <div className="inline-fields">
          <button type="submit" className="button button--primary button--small">
            {t('admin.review.apply')}
          </button>
          <a className="button button--secondary button--small" href={exportUrl(departmentId, filters)} download>
            {t('admin.review.export')}
          </a>
        </div>
      </form>
      {first.loading ? <p aria-busy="true">{t('admin.loading')}</p> : null}
      {first.error || moreError ? (
        <p role="alert" className="banner banner--error">
          {errorMessage(first.error ?? moreError, t)}
        </p>
      ) : null}
      {first.data && rows.length === 0 ? <p>{t('admin.review.empty')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="admin-table" data-testid="review-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.review.started')}</th>
                <th scope="col">{t('admin.review.title')}</th>
                <th scope="col">{t('admin.review.language')}</th>
                <th scope="col">{t('admin.review.status')}</th>
                <th scope="col">{t('admin.review.messages')}</th>
                <th scope="col">{t('admin.review.rating')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{formatDateTime(row.createdAt, language)}</td>
                  <th scope="row">
                    <Link href={`/admin/departments/${encodeURIComponent(departmentId)}/conversations/${encodeURIComponent(row.id)}`}>
                      {row.title || t('admin.review.untitled')}
                    </Link>
                    {row.flag ? <span className="status-pill status-pill--off">{t('admin.review.flagBadge')}</span> : null}
                  </th>
                  <td>{row.language ? t(`admin.dashboard.languages.${row.language}`, { defaultValue: row.language }) : '–'}</td>
                  <td>{t(`admin.review.statuses.${row.status}`)}</td>
                  <td>{row.messages}</td>
                  <td>
                    <span aria-hidden="true">{t('admin.review.ratingCount', { up: row.ratedUp, down: row.ratedDown })}</span>
                    <span className="visually-hidden">{t('admin.review.ratingLabel', { up: row.ratedUp, down: row.ratedDown })}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {cursor ? (
        <button type="button" className="button button--secondary" onClick={() => void loadMore(cursor)}>
          {t('admin.review.more')}
        </button>
      ) : null}
    </div>
  );
}
