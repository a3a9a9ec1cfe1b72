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
      http.get(`${base}/settings`, () => HttpResponse.json({ switchedOn: true, supervisedAnswers: false, active: version(1) })),
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

  test('holding answers for an officer asks first, by keyboard as by mouse, and nothing is sent on cancel', async () => {
    const sent: unknown[] = [];
    server.use(
      http.put(`${base}/supervision`, async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json({ supervisedAnswers: true });
      }),
    );
    render(<SettingsPage departmentId="immigration" />);
    const control = await screen.findByRole('switch', { name: "Hold answers for an officer's approval" });
    expect(control).toHaveProperty('checked', false);
    expect(document.getElementById(control.getAttribute('aria-describedby')!)?.textContent).toContain(
      'every answer to a citizen waits in the staff portal',
    );

    control.focus();
    await userEvent.keyboard(' ');
    expect(screen.getByRole('dialog', { name: 'Hold every answer for an officer?' })).toBeTruthy();
    expect(control).toHaveProperty('checked', false);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent).toEqual([]);
    expect(control).toHaveProperty('checked', false);

    await userEvent.click(control);
    await expectNoSeriousAxeViolations(screen.getByRole('dialog'));
    await userEvent.click(screen.getByRole('button', { name: 'Hold answers' }));
    expect(await screen.findByText("Answers are now held for an officer's approval.")).toBeTruthy();
    expect(sent).toEqual([{ on: true }]);
    expect(screen.getByRole('switch', { name: "Hold answers for an officer's approval" })).toHaveProperty('checked', true);
  });

  test('switching supervision off needs no confirmation, in Traditional Chinese', async () => {
    await changeUiLanguage('zh-HK');
    let sent: unknown = null;
    server.use(
      http.get(`${base}/settings`, () => HttpResponse.json({ switchedOn: true, supervisedAnswers: true, active: version(1) })),
      http.put(`${base}/supervision`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ supervisedAnswers: false });
      }),
    );
    render(<SettingsPage departmentId="immigration" />);
    const control = await screen.findByRole('switch', { name: '回答須經職員批核才發出' });
    expect(control).toHaveProperty('checked', true);
    await userEvent.click(control);
    expect(await screen.findByText('回答現會直接發給市民。')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent).toEqual({ on: false });
    expect(control).toHaveProperty('checked', false);
  });

  test('a refused supervision switch shows the server’s reason and keeps the state', async () => {
    server.use(
      http.get(`${base}/settings`, () => HttpResponse.json({ switchedOn: true, supervisedAnswers: true, active: version(1) })),
      http.put(`${base}/supervision`, () =>
        HttpResponse.json(
          { type: '/problems/department-not-found', status: 404, detail: 'There is no such department.' },
          { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    render(<SettingsPage departmentId="immigration" />);
    const control = await screen.findByRole('switch', { name: "Hold answers for an officer's approval" });
    await userEvent.click(control);
    expect(await screen.findByText('There is no such department.')).toBeTruthy();
    expect(control).toHaveProperty('checked', true);
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
