import { z } from 'zod/mini';
import { apiFetch } from '../../../lib/api-client';

const deleteConversationInput = z.object({ conversationId: z.string().check(z.minLength(1)) });

export async function deleteConversation(input: z.infer<typeof deleteConversationInput>): Promise<void> {
  const { conversationId } = deleteConversationInput.parse(input);
  await apiFetch(`/api/v1/conversations/${encodeURIComponent(conversationId)}`, { method: 'DELETE' });
}
