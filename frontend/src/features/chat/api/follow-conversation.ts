import { apiFetch } from '../../../lib/api-client';
import { readEventStream } from '../../../lib/sse';
import { conversationInput, handoffStateSchema, type HandoffState } from './get-handoff';
import { messageSchema, type Message } from './get-messages';

/** One event of a conversation's live stream; `id` is the sequence number of the last message passed. */
export type ConversationEvent =
  | { type: 'state'; id: number | null; state: HandoffState }
  | { type: 'message'; id: number | null; message: Message };

function idOf(id: string | undefined): number | null {
  if (id === undefined || id === '') return null;
  const value = Number(id);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * Follows the conversation while it is with an officer: its state, and the officer's messages and notices
 * after `lastEventId`. Resolves when the server ends the stream (the conversation is no longer with an
 * officer, or the stream reached its time limit); rejects when the connection breaks.
 */
export async function followConversation(
  input: { conversationId: string; lastEventId: number },
  onEvent: (event: ConversationEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const { conversationId } = conversationInput.parse(input);
  const response = await apiFetch(`/api/v1/conversations/${encodeURIComponent(conversationId)}/events`, {
    headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(Math.max(0, input.lastEventId)) },
    signal,
  });
  await readEventStream(
    response,
    (message) => {
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        return;
      }
      if (message.event === 'state') onEvent({ type: 'state', id: idOf(message.id), state: handoffStateSchema.parse(json) });
      if (message.event === 'message') onEvent({ type: 'message', id: idOf(message.id), message: messageSchema.parse(json) });
    },
    signal,
  );
}
