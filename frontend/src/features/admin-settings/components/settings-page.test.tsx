import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { addAdminTexts } from '../../../lib/admin-i18n';
import { changeUiLanguage } from '../../../lib/i18n';
import { backends, version } from '../../../testing/admin-data';
import { expectNoSeriousAxeViolations } from '../../../testing/axe';
import { server } from '../../../testing/server';
import { eventStreamOf, sseFrame } from '../../../testing/sse';
import { BACKEND_REFRESH_MS } from './backend-health';
import { SettingsPage } from './settings-page';

const base = '/api/v1/admin/departments/immigration';

describe('SettingsPage', () => {
  beforeEach(() => {
    addAdminTexts();
    server.use(
      http.get(`${base}/settings`, () => HttpResponse.json({ switchedOn: true, active: version(1) })),
      http.get('/api/v1/admin/backends', () => HttpResponse.json(backends)),
    );
  });

  test('saves the edited Traditional Chinese greeting as a new version', async () => {
    await changeUiLanguage('zh-HK');
    let sent: Record<string, unknown> | null = null;
    server.use(
      http.put(`${base}/settings`, async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(version(2, '你好！新的歡迎語。'), { status: 201 });
      }),
    );
    render(<SettingsPage departmentId="immigration" />);
    const greeting = await screen.findByRole('textbox', { name: '歡迎語（繁體中文）' });
    await userEvent.clear(greeting);
    await userEvent.type(greeting, '你好！新的歡迎語。');
    await userEvent.click(screen.getByRole('button', { name: '儲存為新版本' }));
    expect(await screen.findByText('已儲存為第 2 版。')).toBeTruthy();
    expect(sent).toMatchObject({ editedVersion: 1, profile: { greeting: { 'zh-Hant': '你好！新的歡迎語。' } } });
    expect(screen.getByTestId('active-version').textContent).toContain('第 2 版');
  });

  test('shows the server’s reasons next to each refused field', async () => {
    server.use(
      http.put(`${base}/settings`, () =>
        HttpResponse.json(
          {
            type: '/problems/invalid-settings',
            status: 400,
            detail: 'Some settings are not valid. Nothing was saved.',
            errors: [{ field: 'profile.temperature', message: 'Must be between 0 and 2.' }],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    render(<SettingsPage departmentId="immigration" />);
    const temperature = await screen.findByRole('spinbutton', { name: /Temperature/ });
    await userEvent.clear(temperature);
    await userEvent.type(temperature, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Some settings are not valid.');
    expect(screen.getByText('Must be between 0 and 2.')).toBeTruthy();
    expect(temperature.getAttribute('aria-invalid')).toBe('true');
  });

  test('lists backends with their live state, refreshed while the page is open, and offers their models', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    render(<SettingsPage departmentId="immigration" />);
    expect(await screen.findByText(/gpu-pool: Down, 0 running, 0 waiting/)).toBeTruthy();
    server.use(
      http.get('/api/v1/admin/backends', () =>
        HttpResponse.json([backends[0], { ...backends[1], state: 'UP', reason: null, inFlight: 2 }]),
      ),
    );
    await vi.advanceTimersByTimeAsync(BACKEND_REFRESH_MS + 10);
    expect(await screen.findByText(/gpu-pool: Up, 2 running, 0 waiting/)).toBeTruthy();
    vi.useRealTimers();
    const backend = screen.getByRole('combobox', { name: 'Backend' });
    expect(backend.textContent).toContain('gpu-pool (Down)');
    expect(screen.getByRole('combobox', { name: 'Model' }).textContent).toContain('qwen2.5:14b');
  });

  test('the kill switch asks first, then switches the assistant off', async () => {
    let switched: unknown = null;
    server.use(
      http.put(`${base}/assistant`, async ({ request }) => {
        switched = await request.json();
        return HttpResponse.json({ switchedOn: false });
      }),
    );
    render(<SettingsPage departmentId="immigration" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Switch the assistant off' }));
    await userEvent.click(screen.getByRole('button', { name: 'Switch off' }));
    expect(await screen.findByText('The assistant is switched off.')).toBeTruthy();
    expect(switched).toEqual({ on: false });
    expect(screen.getByRole('button', { name: 'Switch the assistant on' })).toBeTruthy();
  });

  test('the playground streams the unsaved draft’s answer', async () => {
    let trial: { profile: { systemPrompt: string }; question: string } | null = null;
    server.use(
      http.post(`${base}/playground`, async ({ request }) => {
        trial = (await request.json()) as typeof trial;
        return eventStreamOf([
          sseFrame('start', { language: 'en' }),
          sseFrame('attempt', { backend: 'default', model: 'qwen2.5:7b-instruct' }),
          sseFrame('delta', { text: 'Bring your ' }),
          sseFrame('delta', { text: 'identity card.' }),
          sseFrame('done', {
            status: 'COMPLETE',
            usage: { tokensIn: 12, tokensOut: 5 },
            backend: 'default',
            model: 'qwen2.5:7b-instruct',
            timeToFirstTokenMs: 80,
            durationMs: 400,
          }),
        ]);
      }),
    );
    render(<SettingsPage departmentId="immigration" />);
    const prompt = await screen.findByRole('textbox', { name: /System prompt/ });
    await userEvent.type(prompt, ' Be brief.');
    await userEvent.type(screen.getByRole('textbox', { name: 'Test question' }), 'What do I bring?');
    await userEvent.click(screen.getByRole('button', { name: 'Try the draft' }));
    await waitFor(() => expect(screen.getByTestId('playground-answer').textContent).toBe('Bring your identity card.'));
    expect(await screen.findByText(/Answered by default \/ qwen2.5:7b-instruct in 400 ms/)).toBeTruthy();
    expect(trial!.profile.systemPrompt).toContain('Be brief.');
    expect(trial!.question).toBe('What do I bring?');
  });

  test('has no serious axe violation', async () => {
    const { container } = render(<SettingsPage departmentId="immigration" />);
    await screen.findByRole('button', { name: 'Save as a new version' });
    await expectNoSeriousAxeViolations(container);
  });
});
