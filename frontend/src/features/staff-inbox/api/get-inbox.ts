import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { officerHandoffSchema } from './get-transcript';

export const inboxItemSchema = z.object({
  handoff: officerHandoffSchema,
  title: z.nullish(z.string()),
  lastActivityAt: z.string(),
  messageCount: z.int(),
});

export const pendingAnswerSchema = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  departmentId: z.string(),
  language: z.nullish(z.string()),
  question: z.nullish(z.string()),
  draft: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

export const inboxSchema = z.object({
  serverTime: z.string(),
  handoffs: z.array(inboxItemSchema),
  answersToReview: z.array(pendingAnswerSchema),
});

export type InboxItem = z.infer<typeof inboxItemSchema>;
export type PendingAnswer = z.infer<typeof pendingAnswerSchema>;
export type Inbox = z.infer<typeof inboxSchema>;

/** The officer's departments' inbox: citizens waiting for or talking to an officer, and answers to approve. */
export function getInbox(signal?: AbortSignal): Promise<Inbox> {
  return apiJson('/api/v1/staff/inbox', inboxSchema, { signal });
}
