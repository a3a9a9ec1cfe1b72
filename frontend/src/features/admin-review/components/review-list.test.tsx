import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, test } from 'vitest';
import { addAdminTexts } from '../../../lib/admin-i18n';
import { expectNoSeriousAxeViolations } from '../../../testing/axe';
import { server } from '../../../testing/server';
import { ReviewList } from './review-list';
import { TranscriptPage } from './transcript-page';

const base = '/api/v1/admin/departments/immigration/conversations';
const row = {
  id: 'c-1',
  departmentId: 'immigration',
  title: '我想續領護照',
  language: 'zh-Hant',
  status: 'ESCALATED',
  createdAt: '2026-11-28T09:00:00Z',
  lastActivityAt: '2026-11-28T09:05:00Z',
  escalatedAt: '2026-11-28T09:04:00Z',
  messages: 4,
  ratedUp: 0,
  ratedDown: 1,
  flag: null,
};

describe('conversation review', () => {
  beforeEach(() => addAdminTexts());

  test('filters the list and exports the same filters', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(base, ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return HttpResponse.json({ conversations: [row], nextCursor: null });
      }),
    );
    render(<ReviewList departmentId="immigration" />);
    expect(await screen.findByRole('link', { name: '我想續領護照' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rating' }), 'down');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Text' }), '護照');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByRole('link', { name: '我想續領護照' });
    const last = asked.at(-1)!;
    expect(last.get('rating')).toBe('down');
    expect(last.get('q')).toBe('護照');
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(`${base}/export?rating=down&q=%E8%AD%B7%E7%85%A7`);
  });

  test('a transcript shows each message and takes a follow-up flag', async () => {
    let note: unknown = null;
    server.use(
      http.get(`${base}/c-1`, () =>
        HttpResponse.json({
          conversation: row,
          hasMore: false,
          messages: [
            { id: 'm1', seq: 1, role: 'USER', content: '我想續領護照', status: 'COMPLETE', language: 'zh-Hant', createdAt: '2026-11-28T09:00:00Z', feedback: null },
            {
              id: 'm2', seq: 2, role: 'ASSISTANT', content: '請帶同身份證。', status: 'COMPLETE', language: 'zh-Hant', backend: 'default',
              model: 'qwen2.5:7b-instruct', createdAt: '2026-11-28T09:00:02Z', feedback: { rating: 'down', comment: 'too short' },
            },
          ],
        }),
      ),
      http.put(`${base}/c-1/flag`, async ({ request }) => {
        note = await request.json();
        return HttpResponse.json({ ...row, flag: { note: 'Check', flaggedBy: 'immigration-admin', flaggedAt: '2026-11-29T09:00:00Z' } });
      }),
    );
    render(<TranscriptPage departmentId="immigration" conversationId="c-1" />);
    expect(await screen.findByText('請帶同身份證。')).toBeTruthy();
    expect(screen.getByText(/Citizen’s rating: Rated not helpful · Comment: too short/)).toBeTruthy();
    expect(screen.getByText('default / qwen2.5:7b-instruct')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Note' }), 'Check');
    await userEvent.click(screen.getByRole('button', { name: 'Flag for follow-up' }));
    expect(await screen.findByText('Flag saved.')).toBeTruthy();
    expect(note).toEqual({ note: 'Check' });
    expect(screen.getByRole('button', { name: 'Remove the flag' })).toBeTruthy();
  });

  test('has no serious axe violation', async () => {
    server.use(http.get(base, () => HttpResponse.json({ conversations: [row], nextCursor: 'x' })));
    const { container } = render(<ReviewList departmentId="immigration" />);
    await screen.findByRole('link', { name: '我想續領護照' });
    await expectNoSeriousAxeViolations(container);
  });
});
