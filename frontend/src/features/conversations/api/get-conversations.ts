import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

export const conversationSummarySchema = z.object({
  id: z.string().check(z.minLength(1)),
  departmentId: z.string(),
  title: z.nullable(z.string()),
  language: z.nullable(z.string()),
  status: z.string(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
});

export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** The caller's own conversations, newest first. */
export function getConversations(signal?: AbortSignal): Promise<ConversationSummary[]> {
  return apiJson('/api/v1/conversations', z.array(conversationSummarySchema), { signal });
}
