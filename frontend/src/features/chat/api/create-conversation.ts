import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

const createConversationInput = z.object({ departmentId: z.string().check(z.minLength(1)) });

const createdConversationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  departmentId: z.string(),
  createdAt: z.string(),
});

export type CreatedConversation = z.infer<typeof createdConversationSchema>;

export function createConversation(input: z.infer<typeof createConversationInput>): Promise<CreatedConversation> {
  const body = createConversationInput.parse(input);
  return apiJson('/api/v1/conversations', createdConversationSchema, { method: 'POST', body: JSON.stringify(body) });
}
