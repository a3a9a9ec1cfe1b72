import { z } from 'zod/mini';
import { apiFetch } from '../../../lib/api-client';
import { readEventStream } from '../../../lib/sse';
import { parseChatEvent, type ChatEvent } from './chat-events';
import { CITIZEN_CONVERSATIONS } from './get-messages';

const resumeInput = z.object({
  conversationId: z.string().check(z.minLength(1)),
  messageId: z.string().check(z.minLength(1)),
  /** Answer characters the client already has. */
  lastEventId: z.int().check(z.minimum(0)),
  /** Where the conversations live: citizens' by default, or the staff portal's internal assistant. */
  base: z.optional(z.string().check(z.startsWith('/api/'))),
});

/** Continues an answer from character `lastEventId` on: the rest so far, live deltas, then done or error. */
export async function resumeMessageEvents(
  input: z.infer<typeof resumeInput>,
  onEvent: (event: ChatEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const { conversationId, messageId, lastEventId, base } = resumeInput.parse(input);
  const response = await apiFetch(
    `${base ?? CITIZEN_CONVERSATIONS}/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/events`,
    { headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(lastEventId) }, signal },
  );
  await readEventStream(
    response,
    (message) => {
      const event = parseChatEvent(message);
      if (event) onEvent(event);
    },
    signal,
  );
}
