import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { addAdminTexts } from '../../../lib/admin-i18n';
import { expectNoSeriousAxeViolations } from '../../../testing/axe';
import { server } from '../../../testing/server';
import { DashboardPage } from './dashboard-page';


const dashboard = {
  departmentId: 'immigration',
  from: '2026-11-01',
  to: '2026-11-02',
  timeZone: 'Asia/Hong_Kong',
  days: [
    { date: '2026-11-01', conversations: 3, citizens: 2, questions: 4, answers: 4, staffReplies: 0, messages: 8, escalated: 1, ratedUp: 1, ratedDown: 1 },
    { date: '2026-11-02', conversations: 0, citizens: 0, questions: 0, answers: 0, staffReplies: 0, messages: 0, escalated: 0, ratedUp: 0, ratedDown: 0 },
  ],
  totals: {
    conversations: 3, citizens: 2, messages: 8, questions: 4, answers: 4, staffReplies: 0, escalated: 1, escalatedShare: 1 / 3,
    ratedUp: 1, ratedDown: 1, satisfaction: 0.5, answersComplete: 2, answersPartial: 0, answersFailed: 1, answersCancelled: 1,
    failureRate: 0.25, cancelRate: 0.25,
  },
  languages: [{ language: 'yue-Hant', questions: 3, share: 0.75 }, { language: 'en', questions: 1, share: 0.25 }],
  latency: { timeToFirstToken: { count: 3, p50Ms: 201, p95Ms: 296 }, duration: { count: 2, p50Ms: 997, p95Ms: 3015 } },
  models: [{ backend: 'default', model: 'qwen2.5:7b-instruct', answers: 2, tokensIn: 40, tokensOut: 60 }],
};

describe('DashboardPage', () => {
  beforeEach(() => {
    addAdminTexts();
    server.use(http.get('/api/v1/admin/departments/immigration/dashboard', () => HttpResponse.json(dashboard)));
  });

  test('shows the figures as tiles, charts and tables', async () => {
    render(<DashboardPage departmentId="immigration" />);
    const tiles = await screen.findByTestId('dashboard-tiles');
    expect(tiles.textContent).toContain('Distinct citizens2');
    expect(tiles.textContent).toContain('1 (33.3 %)');
    expect(tiles.textContent).toContain('50.0 % · 1 helpful, 1 not helpful');
    // the chart library loads on demand; jsdom has no layout, so the browser tests look at the drawn charts
    await vi.waitFor(() => expect(document.querySelectorAll('.recharts-responsive-container')).toHaveLength(4), {
      timeout: 4000,
    });
    const languages = screen.getByRole('figure', { name: 'Languages of questions' });
    expect(within(languages).getByText('Cantonese')).toBeTruthy();
    const latency = screen.getByRole('figure', { name: 'Response times' });
    expect(latency.textContent).toContain('201');
    expect(latency.textContent).toContain('3015');
  });

  test('each figure downloads as CSV', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<DashboardPage departmentId="immigration" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download CSV: Tokens per model' }));
    expect(click).toHaveBeenCalled();
    const text = await created[0].text();
    expect(text).toContain('"Backend","Model","Answers","Tokens in","Tokens out"');
    expect(text).toContain('"default","qwen2.5:7b-instruct","2","40","60"');
    click.mockRestore();
  });

  test('asks again for another range', async () => {
    const asked: string[] = [];
    server.use(
      http.get('/api/v1/admin/departments/immigration/dashboard', ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json(dashboard);
      }),
    );
    render(<DashboardPage departmentId="immigration" />);
    await screen.findByTestId('dashboard-tiles');
    const from = screen.getByLabelText('From');
    await userEvent.clear(from);
    await userEvent.type(from, '2026-10-01');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    await vi.waitFor(() => expect(asked.at(-1)).toContain('from=2026-10-01'));
  });

  test('has no serious axe violation', async () => {
    const { container } = render(<DashboardPage departmentId="immigration" />);
    await screen.findByTestId('dashboard-tiles');
    await expectNoSeriousAxeViolations(container);
  });
});
