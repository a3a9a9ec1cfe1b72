import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, test, vi } from 'vitest';
import { expectNoSeriousAxeViolations } from '../../../testing/axe';
import { message } from '../../../testing/data';
import { server } from '../../../testing/server';
import { controlledEventStream, eventStreamOf, problem, sseFrame } from '../../../testing/sse';
import { ChatView, type ChatDepartment } from './chat-view';

const department: ChatDepartment = {
  id: 'immigration',
  name: 'Immigration Department',
  greeting: 'Hello! Ask me about passports.',
  available: true,
};

type Recorded = { url: string; method: string; headers: Headers; body: unknown };

/** A conversation `c-1` with the given history, recording what the page asks for. */
function conversationWith(history: ReturnType<typeof message>[] = []) {
  const requests: Recorded[] = [];
  const record = async (request: Request) => {
    const text = request.method === 'GET' ? '' : await request.clone().text();
    requests.push({ url: request.url, method: request.method, headers: request.headers, body: text ? JSON.parse(text) : null });
  };
  server.use(
    http.get('/api/v1/conversations/c-1/messages', async ({ request }) => {
      await record(request);
      return HttpResponse.json({ messages: history, hasMore: false });
    }),
  );
  return { requests, record };
}

async function ask(question: string) {
  const user = userEvent.setup();
  const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Your question' });
  // the box opens once the conversation's history has loaded
  await waitFor(() => expect(box.disabled).toBe(false));
  await user.type(box, question);
  await user.keyboard('{Enter}');
  return user;
}

describe('ChatView', () => {
  test('starts a conversation and streams the answer in as it is written', async () => {
    const stream = controlledEventStream();
    const posted: { body: unknown; accept: string | null; language: string | null }[] = [];
    const created: string[] = [];
    server.use(
      http.post('/api/v1/conversations', async ({ request }) => {
        created.push(JSON.stringify(await request.json()));
        return HttpResponse.json({ id: 'c-new', departmentId: 'immigration', createdAt: '2026-11-29T10:00:00Z' }, { status: 201 });
      }),
      http.post('/api/v1/conversations/c-new/messages', async ({ request }) => {
        posted.push({ body: await request.json(), accept: request.headers.get('Accept'), language: request.headers.get('Accept-Language') });
        return stream.response();
      }),
    );
    const onCreated = vi.fn();
    render(<ChatView department={department} conversationId={null} onConversationCreated={onCreated} />);
    expect(screen.getByText('Hello! Ask me about passports.')).toBeTruthy();

    await ask('How do I renew my passport?');
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(created).toEqual([JSON.stringify({ departmentId: 'immigration' })]);
    expect(onCreated).toHaveBeenCalledWith('c-new');
    expect(posted[0]).toEqual({ body: { content: 'How do I renew my passport?' }, accept: 'text/event-stream', language: 'en' });
    expect(screen.getByText('How do I renew my passport?')).toBeTruthy();
    expect(await screen.findByText('Writing an answer…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();

    stream.send('start', { userMessageId: 'u-1', assistantMessageId: 'a-1', language: 'en' }, 0);
    stream.send('delta', { text: 'You can renew' }, 13);
    expect(await screen.findByText('You can renew', { exact: false })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy this answer' })).toBeNull();

    stream.send('delta', { text: ' online at **any** office.' }, 39);
    await screen.findByText('any');
    stream.send('done', { assistantMessageId: 'a-1', status: 'COMPLETE', usage: { tokensIn: 10, tokensOut: 8 } }, 39);
    stream.close();

    expect(await screen.findByRole('button', { name: 'Copy this answer' })).toBeTruthy();
    const answer = screen.getByText('any').closest('li')!;
    expect(answer.textContent).toContain('You can renew online at any office.');
    expect(answer.getAttribute('aria-busy')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Your question' })).toHaveProperty('value', '');
  });

  test('shows the queue position while waiting, and drops it once the answer starts', async () => {
    conversationWith();
    const stream = controlledEventStream();
    server.use(http.post('/api/v1/conversations/c-1/messages', () => stream.response()));
    render(<ChatView department={department} conversationId="c-1" />);
    await ask('Hello');

    stream.send('start', { userMessageId: 'u-1', assistantMessageId: 'a-1', language: 'en' }, 0);
    stream.send('queued', { position: 3 }, 0);
    const list = screen.getByRole('list', { name: 'Messages' });
    expect(await within(list).findByText('You are number 3 in the queue.')).toBeTruthy();
    stream.send('queued', { position: 1 }, 0);
    expect(await within(list).findByText('You are number 1 in the queue.')).toBeTruthy();
    // the live region says it too, once per change
    await waitFor(() => expect(screen.getByTestId('answer-announcer').textContent).toContain('You are number 1 in the queue.'));
    stream.send('delta', { text: 'Hi there' }, 8);
    await within(list).findByText('Hi there');
    expect(within(list).queryByText(/in the queue/)).toBeNull();
    stream.send('done', { assistantMessageId: 'a-1', status: 'COMPLETE' }, 8);
    stream.close();
  });

  test('Stop asks the server to cancel, and the partial answer stays marked as stopped', async () => {
    conversationWith();
    const stream = controlledEventStream();
    const cancelled: string[] = [];
    server.use(
      http.post('/api/v1/conversations/c-1/messages', () => stream.response()),
      http.post('/api/v1/conversations/c-1/messages/:mid/cancel', ({ params }) => {
        cancelled.push(String(params.mid));
        return new HttpResponse(null, { status: 202 });
      }),
    );
    render(<ChatView department={department} conversationId="c-1" />);
    const user = await ask('Tell me everything');
    stream.send('start', { userMessageId: 'u-1', assistantMessageId: 'a-7', language: 'en' }, 0);
    stream.send('delta', { text: 'Part one' }, 8);
    await screen.findByText('Part one');

    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(cancelled).toEqual(['a-7']));
    expect(screen.getByRole('button', { name: 'Stopping…' })).toHaveProperty('disabled', true);

    stream.send('done', { assistantMessageId: 'a-7', status: 'CANCELLED' }, 8);
    stream.close();
    expect(await screen.findByText('Stopped. The answer is incomplete.')).toBeTruthy();
    expect(screen.getByText('Part one')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Stop/ })).toBeNull();
  });

  test('an answer that fails shows the server detail, and Try again asks the same question again', async () => {
    conversationWith();
    const first = controlledEventStream();
    const second = controlledEventStream();
    const bodies: unknown[] = [];
    server.use(
      http.post('/api/v1/conversations/c-1/messages', async ({ request }) => {
        bodies.push(await request.json());
        return bodies.length === 1 ? first.response() : second.response();
      }),
    );
    render(<ChatView department={department} conversationId="c-1" />);
    const user = await ask('Opening hours?');
    first.send('start', { userMessageId: 'u-1', assistantMessageId: 'a-1', language: 'en' }, 0);
    first.send('delta', { text: 'We open' }, 7);
    first.send(
      'error',
      {
        assistantMessageId: 'a-1',
        status: 'PARTIAL',
        problem: { type: '/problems/generation-failed', title: 'Generation failed', status: 502, detail: 'The assistant stopped unexpectedly.' },
      },
      7,
    );
    first.close();
    expect(await screen.findByText('The assistant stopped unexpectedly.')).toBeTruthy();
    expect(screen.getByText('We open')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(bodies).toEqual([{ content: 'Opening hours?' }, { content: 'Opening hours?' }]));
    second.send('start', { userMessageId: 'u-2', assistantMessageId: 'a-2', language: 'en' }, 0);
    second.send('delta', { text: 'We open at nine.' }, 16);
    second.send('done', { assistantMessageId: 'a-2', status: 'COMPLETE' }, 16);
    second.close();
    expect(await screen.findByText('We open at nine.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  test('a 503 before streaming shows the busy banner with its detail, and the question stays in the box', async () => {
    conversationWith();
    let attempts = 0;
    server.use(
      http.post('/api/v1/conversations/c-1/messages', () => {
        attempts += 1;
        return problem(503, 'All assistants are busy.', { 'Retry-After': '30' });
      }),
    );
    render(<ChatView department={department} conversationId="c-1" />);
    const user = await ask('Is it busy?');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The assistant cannot answer right now')).toBeTruthy();
    expect(within(alert).getByText('All assistants are busy.')).toBeTruthy();
    expect(within(alert).getByText('Please try again in 30 seconds.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Your question' })).toHaveProperty('value', 'Is it busy?');
    expect(screen.queryByText('Is it busy?', { selector: 'li p' })).toBeNull();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(attempts).toBe(2));
  });

  test('a question the server rejects (400) shows the translated detail', async () => {
    conversationWith();
    server.use(http.post('/api/v1/conversations/c-1/messages', () => problem(400, 'Your message contains control characters.')));
    render(<ChatView department={department} conversationId="c-1" />);
    await ask('bad');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Your message could not be sent.')).toBeTruthy();
    expect(within(alert).getByText('Your message contains control characters.')).toBeTruthy();
  });

  test('too many questions (429) shows the detail and when to try again', async () => {
    conversationWith();
    server.use(
      http.post('/api/v1/conversations/c-1/messages', () => problem(429, 'You are asking too quickly.', { 'Retry-After': '5' })),
    );
    render(<ChatView department={department} conversationId="c-1" />);
    await ask('again');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('You are asking too quickly.')).toBeTruthy();
    expect(within(alert).getByText('Please try again in 5 seconds.')).toBeTruthy();
  });

  test('earlier messages load page by page, before the oldest one shown', async () => {
    const befores: (string | null)[] = [];
    server.use(
      http.get('/api/v1/conversations/c-1/messages', ({ request }) => {
        const before = new URL(request.url).searchParams.get('before');
        befores.push(before);
        return before === null
          ? HttpResponse.json({ messages: [message({ id: 'u-3', seq: 51, role: 'USER', content: 'Newest question' })], hasMore: true })
          : HttpResponse.json({ messages: [message({ id: 'u-1', seq: 1, role: 'USER', content: 'Oldest question' })], hasMore: false });
      }),
    );
    const user = userEvent.setup();
    render(<ChatView department={department} conversationId="c-1" />);
    await screen.findByText('Newest question');
    expect(screen.queryByText('Hello! Ask me about passports.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show earlier messages' }));
    expect(await screen.findByText('Oldest question')).toBeTruthy();
    expect(befores).toEqual([null, '51']);
    const texts = [...document.querySelectorAll('.message__text')].map((node) => node.textContent);
    expect(texts).toEqual(['Hello! Ask me about passports.', 'Oldest question', 'Newest question']);
    expect(screen.queryByRole('button', { name: 'Show earlier messages' })).toBeNull();
  });

  test('after a reload, an answer still being written continues from where the page stopped', async () => {
    const { requests } = conversationWith([
      message({ id: 'u-1', seq: 1, role: 'USER', content: 'What documents do I need?' }),
      message({ id: 'a-1', seq: 2, role: 'ASSISTANT', content: 'You need your old passport', status: 'STREAMING' }),
    ]);
    const resumed = controlledEventStream();
    const lastEventIds: (string | null)[] = [];
    server.use(
      http.get('/api/v1/conversations/c-1/messages/a-1/events', ({ request }) => {
        lastEventIds.push(request.headers.get('Last-Event-ID'));
        return resumed.response();
      }),
    );
    render(<ChatView department={department} conversationId="c-1" />);
    expect(await screen.findByText('You need your old passport')).toBeTruthy();
    await waitFor(() => expect(lastEventIds).toEqual(['26']));
    expect(requests[0].url).toContain('limit=');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();

    resumed.send('delta', { text: ' and a photo.' }, 39);
    resumed.send('done', { assistantMessageId: 'a-1', status: 'COMPLETE' }, 39);
    resumed.close();
    expect(await screen.findByText('You need your old passport and a photo.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  test('a finished answer found after a reload is shown without resuming', async () => {
    conversationWith([
      message({ id: 'u-1', seq: 1, role: 'USER', content: 'Hi' }),
      message({ id: 'a-1', seq: 2, role: 'ASSISTANT', content: 'Hello.', feedback: { rating: 'down', comment: null } }),
    ]);
    render(<ChatView department={department} conversationId="c-1" />);
    expect(await screen.findByText('Hello.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Not helpful' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  test('when the connection drops mid-answer it resumes with Last-Event-ID and skips repeated text', async () => {
    conversationWith();
    const live = controlledEventStream();
    const lastEventIds: (string | null)[] = [];
    server.use(
      http.post('/api/v1/conversations/c-1/messages', () => live.response()),
      http.get('/api/v1/conversations/c-1/messages/a-1/events', ({ request }) => {
        lastEventIds.push(request.headers.get('Last-Event-ID'));
        // the server repeats "day" (characters 4-7) before the new text: the page must not show it twice
        return eventStreamOf([
          sseFrame('delta', { text: 'day, then done.' }, 18),
          sseFrame('done', { assistantMessageId: 'a-1', status: 'COMPLETE' }, 18),
        ]);
      }),
    );
    render(<ChatView department={department} conversationId="c-1" />);
    await ask('When?');
    live.send('start', { userMessageId: 'u-1', assistantMessageId: 'a-1', language: 'en' }, 0);
    live.send('delta', { text: 'Monday' }, 6);
    await screen.findByText('Monday');
    live.breakConnection();

    expect(await screen.findByText('Monday, then done.')).toBeTruthy();
    expect(lastEventIds).toEqual(['6']);
  });

  test('rates an answer up, then adds an optional comment', async () => {
    conversationWith([
      message({ id: 'u-1', seq: 1, role: 'USER', content: 'Hi' }),
      message({ id: 'a-1', seq: 2, role: 'ASSISTANT', content: 'Hello, how can I help?' }),
    ]);
    const feedback: unknown[] = [];
    server.use(
      http.post('/api/v1/messages/a-1/feedback', async ({ request }) => {
        feedback.push(await request.json());
        return HttpResponse.json({});
      }),
    );
    const user = userEvent.setup();
    render(<ChatView department={department} conversationId="c-1" />);
    await user.click(await screen.findByRole('button', { name: 'Helpful' }));
    await waitFor(() => expect(feedback).toEqual([{ rating: 'up' }]));
    expect(screen.getByRole('button', { name: 'Helpful' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Thank you for your feedback.')).toBeTruthy();

    await user.type(screen.getByLabelText('Tell us more (optional)'), 'Very clear');
    await user.click(screen.getByRole('button', { name: 'Send feedback' }));
    await waitFor(() => expect(feedback).toEqual([{ rating: 'up' }, { rating: 'up', comment: 'Very clear' }]));
    expect(screen.queryByLabelText('Tell us more (optional)')).toBeNull();
  });

  test('copies an answer to the clipboard', async () => {
    conversationWith([
      message({ id: 'u-1', seq: 1, role: 'USER', content: 'Fee?' }),
      message({ id: 'a-1', seq: 2, role: 'ASSISTANT', content: 'The fee is **$460**.' }),
    ]);
    const user = userEvent.setup();
    render(<ChatView department={department} conversationId="c-1" />);
    await user.click(await screen.findByRole('button', { name: 'Copy this answer' }));
    expect(await navigator.clipboard.readText()).toBe('The fee is **$460**.');
    expect(await screen.findByText('Copied')).toBeTruthy();
  });

  test('the live region speaks whole sentences as they complete, not every token', async () => {
    conversationWith();
    const stream = controlledEventStream();
    server.use(http.post('/api/v1/conversations/c-1/messages', () => stream.response()));
    render(<ChatView department={department} conversationId="c-1" />);
    await ask('Hi');
    const region = screen.getByTestId('answer-announcer');
    expect(region.getAttribute('aria-live')).toBe('polite');
    const spoken = () => [...region.querySelectorAll('p')].map((p) => p.textContent);

    stream.send('start', { userMessageId: 'u-1', assistantMessageId: 'a-1', language: 'en' }, 0);
    stream.send('delta', { text: 'Hello wor' }, 9);
    await screen.findByText('Hello wor');
    expect(spoken()).toEqual([]);
    stream.send('delta', { text: 'ld. How' }, 16);
    await waitFor(() => expect(spoken()).toEqual(['Hello world.']));
    stream.send('delta', { text: ' are **you**?' }, 29);
    await waitFor(() => expect(spoken()).toEqual(['Hello world.', 'How are you?']));
    stream.send('done', { assistantMessageId: 'a-1', status: 'COMPLETE' }, 29);
    stream.close();
    await waitFor(() => expect(spoken()).toEqual(['Hello world.', 'How are you?', 'Answer complete.']));
  });

  test('an assistant that is switched off shows a banner and cannot be asked', async () => {
    render(<ChatView department={{ ...department, available: false }} conversationId={null} />);
    const banner = screen.getByRole('region', { name: 'This assistant is switched off' });
    expect(within(banner).getByText(/not available at the moment/)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Your question' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
  });

  test('a hostile answer renders inert: no element from its HTML, no javascript: link', async () => {
    conversationWith([
      message({ id: 'u-1', seq: 1, role: 'USER', content: '<b onmouseover=alert(1)>hi</b>' }),
      message({
        id: 'a-1',
        seq: 2,
        role: 'ASSISTANT',
        content: 'Look: <img src=x onerror=alert(1)> <script>alert(2)</script> [click](javascript:alert(1))',
      }),
    ]);
    const { container } = render(<ChatView department={department} conversationId="c-1" />);
    await screen.findByText('click');
    expect(container.querySelector('img, script, b, [onerror], [onmouseover]')).toBeNull();
    const link = screen.getByText('click').closest('a');
    expect(link?.getAttribute('href') ?? null).toBeNull();
    expect(container.innerHTML).not.toContain('javascript:');
    expect(screen.getByText('<b onmouseover=alert(1)>hi</b>')).toBeTruthy();
  });

  test('a conversation with answers, feedback and a failure has no serious axe violation', async () => {
    conversationWith([
      message({ id: 'u-1', seq: 1, role: 'USER', content: 'Fees?' }),
      message({ id: 'a-1', seq: 2, role: 'ASSISTANT', content: '- Passport: $460\n- ID card: free\n\n[More](https://www.example.gov)' }),
      message({ id: 'u-2', seq: 3, role: 'USER', content: 'And visas?' }),
      message({ id: 'a-2', seq: 4, role: 'ASSISTANT', content: 'Visas', status: 'PARTIAL' }),
    ]);
    const { container } = render(<ChatView department={department} conversationId="c-1" />);
    await screen.findByText('Passport: $460');
    await expectNoSeriousAxeViolations(container);
  });
});
