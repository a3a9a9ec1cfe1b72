import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

const approveInput = z.object({
  messageId: z.string().check(z.minLength(1)),
  /** The officer's text instead of the assistant's; absent to send the answer as written. */
  content: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(4000))),
});

const reviewedSchema = z.object({ messageId: z.string(), conversationId: z.string(), reviewState: z.string() });

/** Releases an answer held for approval to the citizen, as written or edited. */
export function approveAnswer(input: z.infer<typeof approveInput>): Promise<z.infer<typeof reviewedSchema>> {
  const { messageId, content } = approveInput.parse(input);
  return apiJson(`/api/v1/staff/answers/${encodeURIComponent(messageId)}/approve`, reviewedSchema, {
    method: 'POST',
    body: JSON.stringify(content ? { content } : {}),
  });
}
