import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

/** Where an officer's own conversations with their departments' assistants live. */
export const STAFF_ASSISTANT_CONVERSATIONS = '/api/v1/staff/assistant/conversations';

const assistantConversationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  departmentId: z.string(),
  title: z.nullable(z.string()),
  lastActivityAt: z.string(),
});

export type AssistantConversation = z.infer<typeof assistantConversationSchema>;

/** The officer's own conversations with the internal assistant, most recent first. */
export function getAssistantConversations(signal?: AbortSignal): Promise<AssistantConversation[]> {
  return apiJson(STAFF_ASSISTANT_CONVERSATIONS, z.array(assistantConversationSchema), { signal });
}
