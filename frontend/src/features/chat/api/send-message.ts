import { z } from 'zod/mini';
import { apiFetch } from '../../../lib/api-client';
import { readEventStream } from '../../../lib/sse';
import { parseChatEvent, type ChatEvent } from './chat-events';
import { CITIZEN_CONVERSATIONS } from './get-messages';

export const MAX_MESSAGE_LENGTH = 4000;

const sendMessageInput = z.object({
  conversationId: z.string().check(z.minLength(1)),
  content: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_MESSAGE_LENGTH)),
  /** Where the conversations live: citizens' by default, or the staff portal's internal assistant. */
  base: z.optional(z.string().check(z.startsWith('/api/'))),
});

/**
 * Posts a question and reads the answer as it streams. Rejects with an ApiError when the server refuses the
 * question before streaming (400, 404, 409, 429, 503); resolves when the stream ends.
 */
export async function sendMessage(
  input: z.infer<typeof sendMessageInput>,
  onEvent: (event: ChatEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const { conversationId, content, base } = sendMessageInput.parse(input);
  const response = await apiFetch(`${base ?? CITIZEN_CONVERSATIONS}/${encodeURIComponent(conversationId)}/messages`, {
    method: 'POST',
    headers: { Accept: 'text/event-stream' },
    body: JSON.stringify({ content }),
    signal,
  });
  await readEventStream(
    response,
    (message) => {
      const event = parseChatEvent(message);
      if (event) onEvent(event);
    },
    signal,
  );
}
