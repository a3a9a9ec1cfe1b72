import { z } from 'zod/mini';
import { apiFetch } from '../../../lib/api-client';

const sendFeedbackInput = z.object({
  messageId: z.string().check(z.minLength(1)),
  rating: z.enum(['up', 'down']),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});

export async function sendFeedback(input: z.infer<typeof sendFeedbackInput>): Promise<void> {
  const { messageId, rating, comment } = sendFeedbackInput.parse(input);
  await apiFetch(`/api/v1/messages/${encodeURIComponent(messageId)}/feedback`, {
    method: 'POST',
    body: JSON.stringify(comment ? { rating, comment } : { rating }),
  });
}
