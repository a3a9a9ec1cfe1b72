import { lazy, Suspense, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, toCsv, type CsvCell } from '../../../lib/csv';
import { errorMessage } from '../../../lib/error-message';
import { useResource } from '../../../lib/use-resource';
import { getDashboard, type Dashboard } from '../api/get-dashboard';

const DailyChart = lazy(() => import('./charts').then((module) => ({ default: module.DailyChart })));
const BarsChart = lazy(() => import('./charts').then((module) => ({ default: module.BarsChart })));

type Table = { columns: string[]; rows: CsvCell[][] };

type FigureProps = { id: string; title: string; table: Table; filename: string; chart?: ReactNode };

/** One figure: its chart (when there is one), the same numbers as a table, and a CSV download. */
function Figure({ id, title, table, filename, chart }: FigureProps) {
  const { t } = useTranslation();
  return (
    <figure className="admin-card dashboard-figure" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="dashboard-figure__title">
        {title}
      </figcaption>
      {chart ? <Suspense fallback={<p aria-busy="true">{t('admin.dashboard.chartLoading')}</p>}>{chart}</Suspense> : null}
      <details open={!chart}>
        <summary>{t('admin.dashboard.showTable')}</summary>
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (column === 0 ? <th key={column} scope="row">{cell}</th> : <td key={column}>{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => downloadCsv(filename, toCsv([table.columns, ...table.rows]))}
      >
        {t('admin.dashboard.exportCsv')}
        <span className="visually-hidden">: {title}</span>
      </button>
    </figure>
  );
}

function percent(value: number | null | undefined, none: string): string {
  return value === null || value === undefined ? none : `${(value * 100).toFixed(1)} %`;
}

/** How the assistant served citizens over a date range: tiles, charts, tables and CSV for every figure. */
export function DashboardPage({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation();
  // no range at first: the server picks its last 30 days, and the form shows what it picked
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [edited, setEdited] = useState<{ from: string; to: string } | null>(null);
  const dashboard = useResource(`dashboard:${departmentId}:${range?.from}:${range?.to}`, (signal) =>
    getDashboard(departmentId, range, signal),
  );
  const form = edited ?? range ?? (dashboard.data ? { from: dashboard.data.from, to: dashboard.data.to } : { from: '', to: '' });
  const setForm = setEdited;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.from && form.to) setRange(form);
    setEdited(null);
  }

  return (
    <div className="admin-stack">
      <h2>{t('admin.dashboard.heading')}</h2>
      <form className="inline-fields admin-card" onSubmit={onSubmit}>
        <label>
          {t('admin.dashboard.from')}{' '}
          <input type="date" value={form.from} max={form.to} onChange={(event) => setForm({ ...form, from: event.target.value })} />
        </label>
        <label>
          {t('admin.dashboard.to')}{' '}
          <input type="date" value={form.to} min={form.from} onChange={(event) => setForm({ ...form, to: event.target.value })} />
        </label>
        <button type="submit" className="button button--primary button--small">
          {t('admin.dashboard.apply')}
        </button>
      </form>
      {dashboard.loading ? <p aria-busy="true">{t('admin.loading')}</p> : null}
      {dashboard.error ? (
        <p role="alert" className="banner banner--error">
          {errorMessage(dashboard.error, t)}
        </p>
      ) : null}
      {dashboard.data ? <Figures data={dashboard.data} /> : null}
    </div>
  );
}

function Figures({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const none = t('admin.dashboard.none');
  const totals = data.totals;
  const suffix = `${data.departmentId}-${data.from}-${data.to}.csv`;
  const language = (tag: string) => t(`admin.dashboard.languages.${tag}`, { defaultValue: tag });
  const tiles: [string, string][] = [
    [t('admin.dashboard.conversations'), String(totals.conversations)],
    [t('admin.dashboard.citizens'), String(totals.citizens)],
    [t('admin.dashboard.messages'), String(totals.messages)],
    [t('admin.dashboard.escalated'), `${totals.escalated} (${percent(totals.escalatedShare, none)})`],
    [t('admin.dashboard.satisfaction'), `${percent(totals.satisfaction, none)} · ${t('admin.dashboard.satisfactionDetail', { up: totals.ratedUp, down: totals.ratedDown })}`],
    [t('admin.dashboard.failureRate'), percent(totals.failureRate, none)],
    [t('admin.dashboard.cancelRate'), percent(totals.cancelRate, none)],
  ];
  const summary: Table = { columns: [t('admin.dashboard.totals'), ''], rows: tiles };
  const daily: Table = {
    columns: [
      t('admin.dashboard.date'),
      t('admin.dashboard.conversations'),
      t('admin.dashboard.citizens'),
      t('admin.dashboard.questions'),
      t('admin.dashboard.answers'),
      t('admin.dashboard.staffReplies'),
      t('admin.dashboard.messages'),
      t('admin.dashboard.escalated'),
    ],
    rows: data.days.map((d) => [d.date, d.conversations, d.citizens, d.questions, d.answers, d.staffReplies, d.messages, d.escalated]),
  };
  const languages: Table = {
    columns: [t('admin.dashboard.language'), t('admin.dashboard.questions'), t('admin.dashboard.share')],
    rows: data.languages.map((l) => [language(l.language), l.questions, percent(l.share, none)]),
  };
  const latency: Table = {
    columns: ['', t('admin.dashboard.count'), t('admin.dashboard.p50'), t('admin.dashboard.p95')],
    rows: [
      [t('admin.dashboard.ttft'), data.latency.timeToFirstToken.count, data.latency.timeToFirstToken.p50Ms, data.latency.timeToFirstToken.p95Ms],
      [t('admin.dashboard.duration'), data.latency.duration.count, data.latency.duration.p50Ms, data.latency.duration.p95Ms],
    ],
  };
  const models: Table = {
    columns: [t('admin.dashboard.backend'), t('admin.dashboard.model'), t('admin.dashboard.answers'), t('admin.dashboard.tokensIn'), t('admin.dashboard.tokensOut')],
    rows: data.models.map((m) => [m.backend, m.model, m.answers, m.tokensIn, m.tokensOut]),
  };
  return (
    <>
      <p className="admin__meta">{t('admin.dashboard.timeZone', { zone: data.timeZone })}</p>
      <dl className="dashboard-tiles" data-testid="dashboard-tiles">
        {tiles.map(([label, value]) => (
          <div key={label} className="dashboard-tile">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Figure id="summary" title={t('admin.dashboard.totals')} table={summary} filename={`summary-${suffix}`} />
      <Figure
        id="daily"
        title={t('admin.dashboard.perDay')}
        table={daily}
        filename={`per-day-${suffix}`}
        chart={
          <DailyChart
            data={data.days}
            categoryKey="date"
            series={[
              { key: 'conversations', label: t('admin.dashboard.conversations') },
              { key: 'messages', label: t('admin.dashboard.messages') },
              { key: 'citizens', label: t('admin.dashboard.citizens') },
            ]}
          />
        }
      />
      <Figure
        id="languages"
        title={t('admin.dashboard.languageMix')}
        table={languages}
        filename={`languages-${suffix}`}
        chart={
          <BarsChart
            data={data.languages.map((l) => ({ language: language(l.language), questions: l.questions }))}
            categoryKey="language"
            series={[{ key: 'questions', label: t('admin.dashboard.questions') }]}
          />
        }
      />
      <Figure
        id="latency"
        title={t('admin.dashboard.latency')}
        table={latency}
        filename={`latency-${suffix}`}
        chart={
          <BarsChart
            data={[
              { name: t('admin.dashboard.ttft'), p50: data.latency.timeToFirstToken.p50Ms ?? 0, p95: data.latency.timeToFirstToken.p95Ms ?? 0 },
              { name: t('admin.dashboard.duration'), p50: data.latency.duration.p50Ms ?? 0, p95: data.latency.duration.p95Ms ?? 0 },
            ]}
            categoryKey="name"
            series={[
              { key: 'p50', label: t('admin.dashboard.p50') },
              { key: 'p95', label: t('admin.dashboard.p95') },
            ]}
          />
        }
      />
      <Figure
        id="models"
        title={t('admin.dashboard.models')}
        table={models}
        filename={`tokens-${suffix}`}
        chart={
          <BarsChart
            data={data.models.map((m) => ({ name: `${m.backend} / ${m.model}`, tokensIn: m.tokensIn, tokensOut: m.tokensOut }))}
            categoryKey="name"
            series={[
              { key: 'tokensIn', label: t('admin.dashboard.tokensIn') },
              { key: 'tokensOut', label: t('admin.dashboard.tokensOut') },
            ]}
          />
        }
      />
    </>
  );
}
