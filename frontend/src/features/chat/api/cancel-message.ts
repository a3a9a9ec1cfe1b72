import { z } from 'zod/mini';
import { apiFetch } from '../../../lib/api-client';

const cancelMessageInput = z.object({ conversationId: z.string().check(z.minLength(1)), messageId: z.string().check(z.minLength(1)) });

/** Asks the server to stop writing an answer; the answer's stream then ends with `done` CANCELLED. */
export async function cancelMessage(input: z.infer<typeof cancelMessageInput>): Promise<void> {
  const { conversationId, messageId } = cancelMessageInput.parse(input);
  await apiFetch(
    `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/cancel`,
    { method: 'POST' },
  );
}
