import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, test } from 'vitest';
import { addAdminTexts } from '../../../lib/admin-i18n';
import { version } from '../../../testing/admin-data';
import { expectNoSeriousAxeViolations } from '../../../testing/axe';
import { server } from '../../../testing/server';
import { VersionsPage } from './versions-page';

const base = '/api/v1/admin/departments/immigration';
const summary = (n: number, active: boolean, restoredFrom: number | null = null) => ({
  version: n,
  active,
  restoredFrom,
  createdBy: n === 1 ? 'demo-data' : 'immigration-admin',
  createdAt: '2026-11-28T09:00:00Z',
});

describe('VersionsPage', () => {
  let versions = [summary(2, true), summary(1, false)];

  beforeEach(() => {
    addAdminTexts();
    versions = [summary(2, true), summary(1, false)];
    server.use(http.get(`${base}/versions`, () => HttpResponse.json(versions)));
  });

  test('lists versions with who and when, and rolls back after a confirmation', async () => {
    let restoreBody: unknown = null;
    server.use(
      http.post(`${base}/versions/1/restore`, async ({ request }) => {
        restoreBody = await request.json();
        versions = [summary(3, true, 1), summary(2, false), summary(1, false)];
        return HttpResponse.json({ ...version(3), restoredFrom: 1 }, { status: 201 });
      }),
    );
    render(<VersionsPage departmentId="immigration" />);
    const table = await screen.findByTestId('version-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table.textContent).toContain('demo-data');
    await userEvent.click(screen.getByRole('button', { name: 'Roll back to version 1' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Roll back to version 1' }));
    expect(await screen.findByText('Rolled back: version 3 is now active.')).toBeTruthy();
    expect(restoreBody).toEqual({ editedVersion: 2 });
    expect(await screen.findByText('Rollback to version 1')).toBeTruthy();
  });

  test('shows the differences between two versions, line by line for the prompt', async () => {
    server.use(
      http.get(`${base}/versions/diff`, ({ request }) => {
        const url = new URL(request.url);
        expect(url.searchParams.get('from')).toBe('1');
        expect(url.searchParams.get('to')).toBe('2');
        return HttpResponse.json({
          from: 1,
          to: 2,
          changes: [
            { field: 'profile.greeting.zh-Hant', before: '你好', after: '你好！', lines: [] },
            {
              field: 'profile.systemPrompt',
              before: 'a\nb',
              after: 'a\nc',
              lines: [
                { kind: 'same', text: 'a' },
                { kind: 'removed', text: 'b' },
                { kind: 'added', text: 'c' },
              ],
            },
          ],
        });
      }),
    );
    render(<VersionsPage departmentId="immigration" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Show differences' }));
    const diff = await screen.findByTestId('version-diff');
    expect(diff.textContent).toContain('Greeting (繁體中文)');
    expect(diff.textContent).toContain('你好！');
    expect(diff.textContent).toContain('Added: ');
    expect(diff.textContent).toContain('Removed: ');
  });

  test('has no serious axe violation', async () => {
    const { container } = render(<VersionsPage departmentId="immigration" />);
    await screen.findByTestId('version-table');
    await expectNoSeriousAxeViolations(container);
  });
});
