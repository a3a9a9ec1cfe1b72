import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { CITIZEN_CONVERSATIONS } from './get-messages';

const createConversationInput = z.object({
  departmentId: z.string().check(z.minLength(1)),
  /** Where the conversations live: citizens' by default, or the staff portal's internal assistant. */
  base: z.optional(z.string().check(z.startsWith('/api/'))),
});

const createdConversationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  departmentId: z.string(),
  createdAt: z.string(),
});

export type CreatedConversation = z.infer<typeof createdConversationSchema>;

export function createConversation(input: z.infer<typeof createConversationInput>): Promise<CreatedConversation> {
  const { departmentId, base } = createConversationInput.parse(input);
  return apiJson(base ?? CITIZEN_CONVERSATIONS, createdConversationSchema, {
    method: 'POST',
    body: JSON.stringify({ departmentId }),
  });
}
