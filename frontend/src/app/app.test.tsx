import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../lib/i18n';
import { expectNoSeriousAxeViolations } from '../testing/axe';
import { message } from '../testing/data';
import { renderAppAt } from '../testing/render';
import { server } from '../testing/server';
import { controlledEventStream } from '../testing/sse';

describe('citizen app', () => {
  test('the home screen lists departments and the citizen’s conversations', async () => {
    const { container } = renderAppAt('/');
    expect(await screen.findByRole('link', { name: 'Immigration Department' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Continue “How do I renew my passport?”' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'City Services Assistant' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Read the privacy notice' }).getAttribute('href')).toBe('/privacy');
    await expectNoSeriousAxeViolations(container);
  });

  test('switching the language changes the texts, <html lang>, the stored choice and Accept-Language', async () => {
    const languages: (string | null)[] = [];
    server.use(
      http.get('/api/v1/departments', async ({ request }) => {
        languages.push(request.headers.get('Accept-Language'));
        const { departments } = await import('../testing/data');
        return HttpResponse.json(departments);
      }),
    );
    const user = userEvent.setup();
    renderAppAt('/');
    await screen.findByRole('link', { name: 'Immigration Department' });
    expect(document.documentElement.lang).toBe('en');

    const switcher = screen.getByRole('group', { name: 'Language' });
    await user.click(within(switcher).getByRole('button', { name: '繁體中文' }));
    expect(document.documentElement.lang).toBe('zh-HK');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-HK');
    expect(await screen.findByRole('heading', { level: 2, name: '選擇部門' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '入境事務處' })).toBeTruthy();
    expect(within(switcher).getByRole('button', { name: '繁體中文' }).getAttribute('aria-pressed')).toBe('true');

    await user.click(within(screen.getByRole('group', { name: '語言' })).getByRole('button', { name: '简体中文' }));
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(await screen.findByRole('link', { name: '入境事务处' })).toBeTruthy();

    await user.click(screen.getByRole('link', { name: '隐私' }));
    expect(await screen.findByRole('heading', { level: 1, name: '隐私声明' })).toBeTruthy();
    await waitFor(() => expect(languages.at(-1)).toBe('zh-CN'));
    expect(languages[0]).toBe('en');
  });

  test('the privacy page says what is stored, how long per department, and that nothing leaves the city', async () => {
    const { container } = renderAppAt('/privacy');
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeTruthy();
    expect(screen.getByText(/No data leaves the city's own servers/)).toBeTruthy();
    expect(await screen.findByText('180 days')).toBeTruthy();
    expect(screen.getByText('Immigration Department')).toBeTruthy();
    await expectNoSeriousAxeViolations(container);
  });

  test('the first question turns /?department= into /c/<id> without interrupting the answer', async () => {
    const stream = controlledEventStream();
    server.use(
      http.post('/api/v1/conversations', () =>
        HttpResponse.json({ id: 'c-9', departmentId: 'immigration', createdAt: '2026-11-29T10:00:00Z' }, { status: 201 }),
      ),
      http.post('/api/v1/conversations/c-9/messages', () => stream.response()),
    );
    const user = userEvent.setup();
    renderAppAt('/');
    await user.click(await screen.findByRole('link', { name: 'Immigration Department' }));
    expect(window.location.search).toBe('?department=immigration');
    expect(await screen.findByRole('heading', { level: 1, name: 'Chat with Immigration Department' })).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: 'Your question' }), 'Passport fee?{Enter}');
    await waitFor(() => expect(window.location.pathname).toBe('/c/c-9'));
    stream.send('start', { userMessageId: 'u-1', assistantMessageId: 'a-1', language: 'en' }, 0);
    stream.send('delta', { text: 'It costs $460.' }, 14);
    stream.send('done', { assistantMessageId: 'a-1', status: 'COMPLETE' }, 14);
    stream.close();
    expect(await screen.findByText('It costs $460.')).toBeTruthy();
    expect(screen.getByText('Passport fee?')).toBeTruthy();
  });

  test('/c/<id> finds the conversation’s department and shows its history', async () => {
    server.use(
      http.get('/api/v1/conversations/c-1/messages', () =>
        HttpResponse.json({
          messages: [
            message({ id: 'u-1', seq: 1, role: 'USER', content: 'How do I renew my passport?' }),
            message({ id: 'a-1', seq: 2, role: 'ASSISTANT', content: 'Apply online.' }),
          ],
          hasMore: false,
        }),
      ),
    );
    const { container } = renderAppAt('/c/c-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Chat with Immigration Department' })).toBeTruthy();
    expect(await screen.findByText('Apply online.')).toBeTruthy();
    await expectNoSeriousAxeViolations(container);
  });

  test('a conversation that is not the citizen’s own is not found', async () => {
    renderAppAt('/c/someone-elses');
    expect(await screen.findByRole('heading', { level: 1, name: 'This conversation does not exist or has been deleted.' })).toBeTruthy();
  });

  test('the switched-off department shows its banner in the chat', async () => {
    renderAppAt('/?department=housing');
    expect(await screen.findByRole('region', { name: 'This assistant is switched off' })).toBeTruthy();
  });

  test('/embed/<department> is the compact chat of that department, without site navigation', async () => {
    const { container } = renderAppAt('/embed/immigration');
    expect(await screen.findByRole('heading', { level: 1, name: 'Chat with Immigration Department' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    const privacy = screen.getByRole('link', { name: 'Privacy notice' });
    expect(privacy.getAttribute('target')).toBe('_blank');
    expect(privacy.getAttribute('rel')).toBe('noopener noreferrer');
    await expectNoSeriousAxeViolations(container);
  });

  test('the embedded chat picks its conversation up again after a reload', async () => {
    window.localStorage.setItem('govchat.embed.immigration.conversation', 'c-1');
    server.use(
      http.get('/api/v1/conversations/c-1/messages', () =>
        HttpResponse.json({ messages: [message({ id: 'u-1', seq: 1, role: 'USER', content: 'Still here?' })], hasMore: false }),
      ),
    );
    renderAppAt('/embed/immigration');
    expect(await screen.findByText('Still here?')).toBeTruthy();
  });

  test('an unknown address shows a page-not-found screen', async () => {
    renderAppAt('/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });
});
