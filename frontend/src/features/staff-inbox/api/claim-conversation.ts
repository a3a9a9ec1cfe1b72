import { apiJson } from '../../../lib/api-client';
import { officerHandoffSchema, staffConversationPath, type OfficerHandoff } from './get-transcript';

/** Takes the conversation; another officer who was faster makes this fail with 409. */
export function claimConversation(conversationId: string): Promise<OfficerHandoff> {
  return apiJson(`${staffConversationPath(conversationId)}/claim`, officerHandoffSchema, { method: 'POST' });
}
