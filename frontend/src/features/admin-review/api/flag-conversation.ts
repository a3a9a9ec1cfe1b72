import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { reviewedConversationSchema, type ReviewedConversation } from './schemas';

const flagInput = z.object({ note: z.string().check(z.maxLength(2000)) });

export function flagPath(departmentId: string, conversationId: string) {
  return `/api/v1/admin/departments/${encodeURIComponent(departmentId)}/conversations/${encodeURIComponent(conversationId)}/flag`;
}

/** Flags the conversation for follow-up with a note (replacing an earlier note). */
export function flagConversation(departmentId: string, conversationId: string, note: string): Promise<ReviewedConversation> {
  return apiJson(flagPath(departmentId, conversationId), reviewedConversationSchema, {
    method: 'PUT',
    body: JSON.stringify(flagInput.parse({ note })),
  });
}
