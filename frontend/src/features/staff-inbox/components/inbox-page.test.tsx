import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, test, vi } from 'vitest';
import { expectNoSeriousAxeViolations } from '../../../testing/axe';
import { server } from '../../../testing/server';
import { controlledEventStream, problem } from '../../../testing/sse';
import type { Inbox } from '../api/get-inbox';
import type { OfficerHandoff, TranscriptMessage } from '../api/get-transcript';
import { InboxPage } from './inbox-page';

const now = new Date('2026-11-29T10:05:00Z');

function handoff(partial: Partial<OfficerHandoff> = {}): OfficerHandoff {
  return {
    conversationId: 'c-1',
    departmentId: 'immigration',
    status: 'ESCALATED',
    phase: 'WAITING',
    reason: 'CITIZEN_REQUEST',
    language: 'yue-Hant',
    requestedAt: '2026-11-29T10:03:30Z',
    claimDeadline: '2026-11-29T10:05:30Z',
    claimedAt: null,
    claimedBy: null,
    claimedByMe: false,
    caseReference: null,
    contact: null,
    contactKind: null,
    ...partial,
  };
}

function inbox(partial: Partial<Inbox> = {}): Inbox {
  return {
    serverTime: now.toISOString(),
    handoffs: [{ handoff: handoff(), title: '我想問點樣續領護照呀？', lastActivityAt: now.toISOString(), messageCount: 3 }],
    answersToReview: [],
    ...partial,
  };
}

function transcriptMessage(partial: Partial<TranscriptMessage> & Pick<TranscriptMessage, 'id' | 'seq' | 'role' | 'content'>): TranscriptMessage {
  return { status: 'COMPLETE', language: 'yue-Hant', createdAt: now.toISOString(), authorName: null, reviewState: null, ...partial };
}

describe('InboxPage', () => {
  test('shows the department’s waiting citizens live, with language and waiting time', async () => {
    const stream = controlledEventStream();
    server.use(http.get('/api/v1/staff/inbox/events', () => stream.response()));
    const onOpen = vi.fn();
    render(<InboxPage selectedConversationId={null} onOpen={onOpen} />);
    stream.send('inbox', inbox({ handoffs: [] }), 1);
    expect(await screen.findByText('Nobody is waiting. New requests appear here as they come in.')).toBeTruthy();

    stream.send('inbox', inbox(), 2);
    const item = (await screen.findByText('我想問點樣續領護照呀？')).closest('li')!;
    expect(item.textContent).toContain('Waiting');
    expect(item.textContent).toContain('Cantonese');
    expect(item.textContent).toMatch(/waiting 1:[23]\d/);
    expect(item.textContent).toContain('3 messages');
    await expectNoSeriousAxeViolations();

    await userEvent.setup().click(within(item).getByRole('button', { name: 'Open “我想問點樣續領護照呀？”' }));
    expect(onOpen).toHaveBeenCalledWith('c-1');
  });

  test('an officer takes the conversation, writes to the citizen and sees the answer live', async () => {
    const inboxStream = controlledEventStream();
    const live = controlledEventStream();
    const replies: unknown[] = [];
    const followedFrom: (string | null)[] = [];
    server.use(
      http.get('/api/v1/staff/inbox/events', () => inboxStream.response()),
      http.get('/api/v1/staff/conversations/c-1/messages', () =>
        HttpResponse.json({
          conversation: { id: 'c-1', departmentId: 'immigration', title: '我想問點樣續領護照呀？', language: 'yue-Hant' },
          messages: {
            messages: [
              transcriptMessage({ id: 'm-1', seq: 1, role: 'USER', content: '我想問點樣續領護照呀？' }),
              transcriptMessage({ id: 'm-2', seq: 2, role: 'SYSTEM', content: '你已要求與入境事務處職員對話。' }),
            ],
            hasMore: false,
          },
          handoff: handoff(),
        }),
      ),
      http.get('/api/v1/staff/conversations/c-1/events', ({ request }) => {
        followedFrom.push(request.headers.get('Last-Event-ID'));
        return live.response();
      }),
      http.post('/api/v1/staff/conversations/c-1/claim', () =>
        HttpResponse.json(handoff({ phase: 'CLAIMED', claimedBy: 'Officer Chan', claimedByMe: true })),
      ),
      http.post('/api/v1/staff/conversations/c-1/messages', async ({ request }) => {
        replies.push(await request.json());
        return HttpResponse.json(
          transcriptMessage({ id: 'm-4', seq: 4, role: 'STAFF', content: '你好，有咩可以幫到你？', authorName: 'Officer Chan' }),
          { status: 201 },
        );
      }),
    );
    render(<InboxPage selectedConversationId="c-1" onOpen={vi.fn()} />);
    const conversation = await screen.findByTestId('handoff-conversation');
    expect(await within(conversation).findByText('我想問點樣續領護照呀？')).toBeTruthy();
    await waitFor(() => expect(followedFrom).toEqual(['2']));

    const user = userEvent.setup();
    await user.click(within(conversation).getByRole('button', { name: 'Take this conversation' }));
    const box = await within(conversation).findByRole('textbox', { name: 'Your message to the citizen' });
    await user.type(box, '你好，有咩可以幫到你？{Enter}');
    await waitFor(() => expect(replies).toEqual([{ content: '你好，有咩可以幫到你？' }]));
    const mine = (await within(conversation).findByText('你好，有咩可以幫到你？')).closest('li')!;
    expect(within(mine).getByText('Officer · Officer Chan')).toBeTruthy();
    expect(box).toHaveProperty('value', '');

    live.send('message', transcriptMessage({ id: 'm-5', seq: 5, role: 'USER', content: '我本護照過咗期。' }), 5);
    expect(await within(conversation).findByText('我本護照過咗期。', { selector: 'li p' })).toBeTruthy();
    await expectNoSeriousAxeViolations();
  });

  test('another officer being faster is explained in the server’s words', async () => {
    server.use(
      http.get('/api/v1/staff/inbox/events', () => controlledEventStream().response()),
      http.get('/api/v1/staff/conversations/c-1/messages', () =>
        HttpResponse.json({
          conversation: { id: 'c-1', departmentId: 'immigration', title: null, language: 'en' },
          messages: { messages: [], hasMore: false },
          handoff: handoff(),
        }),
      ),
      http.get('/api/v1/staff/conversations/c-1/events', () => controlledEventStream().response()),
      http.post('/api/v1/staff/conversations/c-1/claim', () =>
        problem(409, 'Another officer (Officer Wong) has already taken this conversation.'),
      ),
    );
    render(<InboxPage selectedConversationId="c-1" onOpen={vi.fn()} />);
    const conversation = await screen.findByTestId('handoff-conversation');
    await userEvent.setup().click(await within(conversation).findByRole('button', { name: 'Take this conversation' }));
    expect((await within(conversation).findByRole('alert')).textContent).toBe(
      'Another officer (Officer Wong) has already taken this conversation.',
    );
  });

  test('an answer held for approval is sent with the officer’s edits', async () => {
    const stream = controlledEventStream();
    const approvals: unknown[] = [];
    server.use(
      http.get('/api/v1/staff/inbox/events', () => stream.response()),
      http.post('/api/v1/staff/answers/a-9/approve', async ({ request }) => {
        approvals.push(await request.json());
        return HttpResponse.json({ messageId: 'a-9', conversationId: 'c-9', reviewState: 'EDITED' });
      }),
    );
    render(<InboxPage selectedConversationId={null} onOpen={vi.fn()} />);
    stream.send(
      'inbox',
      inbox({
        handoffs: [],
        answersToReview: [
          {
            messageId: 'a-9',
            conversationId: 'c-9',
            departmentId: 'transport',
            language: 'en',
            question: 'How much is a licence?',
            draft: 'The fee is $999.',
            status: 'COMPLETE',
            createdAt: now.toISOString(),
          },
        ],
      }),
      1,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit before sending' }));
    const text = screen.getByRole('textbox', { name: 'Answer to send' });
    await user.clear(text);
    await user.type(text, 'The fee is $504.');
    await user.click(screen.getByRole('button', { name: 'Send my version' }));
    await waitFor(() => expect(approvals).toEqual([{ content: 'The fee is $504.' }]));
  });
});
