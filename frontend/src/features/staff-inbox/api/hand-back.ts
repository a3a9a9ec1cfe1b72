import { apiJson } from '../../../lib/api-client';
import { officerHandoffSchema, staffConversationPath, type OfficerHandoff } from './get-transcript';

/** Gives the conversation back to the assistant. */
export function handBack(conversationId: string): Promise<OfficerHandoff> {
  return apiJson(`${staffConversationPath(conversationId)}/hand-back`, officerHandoffSchema, { method: 'POST' });
}
