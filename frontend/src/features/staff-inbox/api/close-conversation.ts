import { apiJson } from '../../../lib/api-client';
import { officerHandoffSchema, staffConversationPath, type OfficerHandoff } from './get-transcript';

/** Ends the conversation (or, for a call back, marks the follow-up done). */
export function closeConversation(conversationId: string): Promise<OfficerHandoff> {
  return apiJson(`${staffConversationPath(conversationId)}/close`, officerHandoffSchema, { method: 'POST' });
}
