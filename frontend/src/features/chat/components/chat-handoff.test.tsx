import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations } from '../../../testing/axe';
import { message } from '../../../testing/data';
import { server } from '../../../testing/server';
import { controlledEventStream, eventStreamOf, problem, sseFrame } from '../../../testing/sse';
import type { HandoffState } from '../api/get-handoff';
import { ChatView, type ChatDepartment } from './chat-view';

const department: ChatDepartment = {
  id: 'immigration',
  name: 'Immigration Department',
  greeting: 'Hello! Ask me about passports.',
  available: true,
  handoffAvailable: true,
};

const active: HandoffState = {
  available: true,
  status: 'ACTIVE',
  phase: null,
  reason: null,
  requestedAt: null,
  claimDeadline: null,
  caseReference: null,
  contactLeft: false,
};

function escalated(phase: HandoffState['phase']): HandoffState {
  return { ...active, status: 'ESCALATED', phase, reason: 'CITIZEN_REQUEST', requestedAt: new Date().toISOString() };
}

/** Conversation `c-1` with one answered question, and where it stands with officers. */
function conversation(state: HandoffState) {
  server.use(
    http.get('/api/v1/conversations/c-1/messages', () =>
      HttpResponse.json({
        messages: [
          message({ id: 'u-1', seq: 1, role: 'USER', content: 'Can I renew my passport?' }),
          message({ id: 'a-1', seq: 2, role: 'ASSISTANT', content: 'Yes, online.' }),
        ],
        hasMore: false,
      }),
    ),
    http.get('/api/v1/conversations/c-1/handoff', () => HttpResponse.json(state)),
  );
}

describe('talking to an officer', () => {
  test('asking for an officer waits in the inbox; the officer joins and writes live, and questions go to them', async () => {
    conversation(active);
    const live = controlledEventStream();
    const requested: unknown[] = [];
    const followedFrom: (string | null)[] = [];
    server.use(
      http.post('/api/v1/conversations/c-1/handoff', async ({ request }) => {
        requested.push(await request.json());
        return HttpResponse.json(escalated('WAITING'));
      }),
      http.get('/api/v1/conversations/c-1/events', ({ request }) => {
        followedFrom.push(request.headers.get('Last-Event-ID'));
        return live.response();
      }),
      http.post('/api/v1/conversations/c-1/messages', () =>
        eventStreamOf([sseFrame('relayed', { userMessageId: 'u-9', language: 'en' }, 0)]),
      ),
    );
    const user = userEvent.setup();
    render(<ChatView department={department} conversationId="c-1" />);
    await user.click(await screen.findByRole('button', { name: 'Talk to an officer' }));

    expect(await screen.findByText('Waiting for an officer')).toBeTruthy();
    expect(requested).toEqual([{ reason: 'CITIZEN_REQUEST' }]);
    expect(screen.getByText(/Waiting for 0:0\d/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Talk to an officer' })).toBeNull();
    await waitFor(() => expect(followedFrom).toEqual(['2']));
    await expectNoSeriousAxeViolations();

    live.send('state', escalated('CLAIMED'), 3);
    live.send('message', message({ id: 's-3', seq: 3, role: 'SYSTEM', content: 'An officer has joined the conversation.' }), 3);
    live.send('message', message({ id: 's-4', seq: 4, role: 'STAFF', content: 'Hello, I am an officer.' }), 4);
    expect(await screen.findByText('You are talking to an officer')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Messages' });
    expect(await within(list).findByText('An officer has joined the conversation.')).toBeTruthy();
    const reply = (await within(list).findByText('Hello, I am an officer.')).closest('li')!;
    expect(within(reply).getByText('Officer')).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: 'Your message to the officer' }), 'It expired last week.{Enter}');
    const sent = (await within(list).findByText('It expired last week.')).closest('li')!;
    expect(sent.className).toContain('message--user');
    await waitFor(() => expect(screen.queryByText('Writing an answer…')).toBeNull());
    expect(within(list).getAllByRole('listitem')).toHaveLength(6); // greeting, question, answer, notice, officer, question
  });

  test('when nobody is free the citizen leaves a contact; an invalid one is refused in the server’s words', async () => {
    conversation(escalated('TIMED_OUT'));
    const contacts: unknown[] = [];
    server.use(
      http.get('/api/v1/conversations/c-1/events', () => eventStreamOf([sseFrame('state', escalated('TIMED_OUT'), 2)])),
      http.post('/api/v1/conversations/c-1/handoff/follow-up', async ({ request }) => {
        const body = (await request.json()) as { contact?: string };
        contacts.push(body);
        if (body.contact === '12345') return problem(400, 'Please enter a valid phone number or e-mail address.');
        return HttpResponse.json({ caseReference: 'IMM-4K7P-X2QD', contact: '+85291234567' });
      }),
    );
    render(<ChatView department={department} conversationId="c-1" />);
    const user = userEvent.setup();
    expect(await screen.findByText('No officer is free at the moment')).toBeTruthy();
    const box = screen.getByRole('textbox', { name: 'Phone number or e-mail address' });

    await user.type(box, '12345');
    await user.click(screen.getByRole('button', { name: 'Ask an officer to contact me' }));
    expect(await screen.findByText('Please enter a valid phone number or e-mail address.')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations();

    server.use(
      http.get('/api/v1/conversations/c-1/handoff', () =>
        HttpResponse.json({ ...active, phase: 'FOLLOW_UP', caseReference: 'IMM-4K7P-X2QD', contactLeft: true }),
      ),
    );
    await user.clear(box);
    await user.type(box, '9123 4567');
    await user.click(screen.getByRole('button', { name: 'Ask an officer to contact me' }));
    expect(await screen.findByText('Your case reference: IMM-4K7P-X2QD')).toBeTruthy();
    expect(screen.getByText('An officer will contact you. Quote this reference if you contact the department yourself.')).toBeTruthy();
    expect(contacts).toEqual([{ contact: '12345' }, { contact: '9123 4567' }]);
  });

  test('after the citizen left a contact, a late state from the live stream does not bring the form back', async () => {
    conversation(escalated('TIMED_OUT'));
    const live = controlledEventStream();
    server.use(
      http.get('/api/v1/conversations/c-1/events', () => live.response()),
      http.post('/api/v1/conversations/c-1/handoff/follow-up', () =>
        HttpResponse.json({ caseReference: 'IMM-4K7P-X2QD', contact: '+85291234567' }),
      ),
    );
    render(<ChatView department={department} conversationId="c-1" />);
    const user = userEvent.setup();
    expect(await screen.findByText('No officer is free at the moment')).toBeTruthy();
    server.use(
      http.get('/api/v1/conversations/c-1/handoff', () =>
        HttpResponse.json({ ...active, phase: 'FOLLOW_UP', caseReference: 'IMM-4K7P-X2QD', contactLeft: true }),
      ),
    );
    await user.type(screen.getByRole('textbox', { name: 'Phone number or e-mail address' }), '9123 4567');
    await user.click(screen.getByRole('button', { name: 'Ask an officer to contact me' }));
    expect(await screen.findByText('Your case reference: IMM-4K7P-X2QD')).toBeTruthy();

    // sent by the server before the contact was stored, read only now
    try {
      live.send('state', escalated('TIMED_OUT'), 2);
    } catch {
      // the page has already closed the stream
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.getByText('Your case reference: IMM-4K7P-X2QD')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Phone number or e-mail address' })).toBeNull();
  });

  test('a contact the server stored shows its case reference even when the state cannot be re-read', async () => {
    conversation(escalated('TIMED_OUT'));
    server.use(
      http.get('/api/v1/conversations/c-1/events', () => eventStreamOf([sseFrame('state', escalated('TIMED_OUT'), 2)])),
      http.post('/api/v1/conversations/c-1/handoff/follow-up', () => HttpResponse.json({ caseReference: 'IMM-7Q2M-K9TD', contact: null })),
    );
    render(<ChatView department={department} conversationId="c-1" />);
    const user = userEvent.setup();
    expect(await screen.findByText('No officer is free at the moment')).toBeTruthy();
    server.use(http.get('/api/v1/conversations/c-1/handoff', () => problem(503, 'The service is briefly unavailable.')));
    await user.click(screen.getByRole('button', { name: 'Just give me a case reference' }));
    expect(await screen.findByText('Your case reference: IMM-7Q2M-K9TD')).toBeTruthy();
    expect(screen.queryByText('The service is briefly unavailable.')).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Phone number or e-mail address' })).toBeNull();
  });

  test('a thumbs down offers an officer, and accepting says why', async () => {
    conversation(active);
    const requested: unknown[] = [];
    server.use(
      http.post('/api/v1/messages/a-1/feedback', () => HttpResponse.json({ rating: 'down', comment: null })),
      http.post('/api/v1/conversations/c-1/handoff', async ({ request }) => {
        requested.push(await request.json());
        return HttpResponse.json(escalated('WAITING'));
      }),
      http.get('/api/v1/conversations/c-1/events', () => eventStreamOf([sseFrame('state', escalated('WAITING'), 2)])),
    );
    render(<ChatView department={department} conversationId="c-1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Not helpful' }));
    expect(await screen.findByText('Would you like to talk to an officer?')).toBeTruthy();
    const offer = screen.getByText('Would you like to talk to an officer?').closest('.banner') as HTMLElement;
    await user.click(within(offer).getByRole('button', { name: 'Talk to an officer' }));
    await waitFor(() => expect(requested).toEqual([{ reason: 'NEGATIVE_RATING' }]));
  });

  test('departments without officers in the chat offer none', async () => {
    conversation({ ...active, available: false });
    render(<ChatView department={{ ...department, handoffAvailable: false }} conversationId="c-1" />);
    await screen.findByText('Yes, online.');
    expect(screen.queryByRole('button', { name: 'Talk to an officer' })).toBeNull();
  });

  test('a closed conversation says so and takes no more questions', async () => {
    conversation({ ...active, status: 'CLOSED' });
    render(<ChatView department={department} conversationId="c-1" />);
    expect(await screen.findByText('This conversation has been closed')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Your question' })).toHaveProperty('disabled', true));
  });

  test('an answer held for approval says an officer is checking it, then arrives', async () => {
    conversation(active);
    const stream = controlledEventStream();
    server.use(http.post('/api/v1/conversations/c-1/messages', () => stream.response()));
    render(<ChatView department={department} conversationId="c-1" />);
    const user = userEvent.setup();
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Your question' });
    await waitFor(() => expect(box.disabled).toBe(false));
    await user.type(box, 'What is the fee?{Enter}');
    stream.send('start', { userMessageId: 'u-3', assistantMessageId: 'a-4', language: 'en' }, 0);
    stream.send('held', { assistantMessageId: 'a-4' }, 0);
    expect(await screen.findByText('An officer is checking this answer before you see it…')).toBeTruthy();
    stream.send('delta', { text: 'The fee is $504.' }, 16);
    stream.send('done', { assistantMessageId: 'a-4', status: 'COMPLETE' }, 16);
    stream.close();
    expect(await screen.findByText('The fee is $504.')).toBeTruthy();
    expect(screen.queryByText('An officer is checking this answer before you see it…')).toBeNull();
  });
});
