import { z } from 'zod/mini';
import { apiFetch } from '../../../lib/api-client';
import { CITIZEN_CONVERSATIONS } from './get-messages';

const cancelMessageInput = z.object({
  conversationId: z.string().check(z.minLength(1)),
  messageId: z.string().check(z.minLength(1)),
  /** Where the conversations live: citizens' by default, or the staff portal's internal assistant. */
  base: z.optional(z.string().check(z.startsWith('/api/'))),
});

/** Asks the server to stop writing an answer; the answer's stream then ends with `done` CANCELLED. */
export async function cancelMessage(input: z.infer<typeof cancelMessageInput>): Promise<void> {
  const { conversationId, messageId, base } = cancelMessageInput.parse(input);
  await apiFetch(
    `${base ?? CITIZEN_CONVERSATIONS}/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/cancel`,
    { method: 'POST' },
  );
}
