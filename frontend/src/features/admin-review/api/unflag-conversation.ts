import { apiFetch } from '../../../lib/api-client';
import { flagPath } from './flag-conversation';

/** Removes the follow-up flag. */
export async function unflagConversation(departmentId: string, conversationId: string): Promise<void> {
  await apiFetch(flagPath(departmentId, conversationId), { method: 'DELETE' });
}
