import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

export const conversationStatusSchema = z.enum(['ACTIVE', 'ESCALATED', 'CLOSED']);
export const handoffPhaseSchema = z.enum(['WAITING', 'TIMED_OUT', 'CLAIMED', 'FOLLOW_UP']);

/** A citizen's conversation and its handoff, as an officer of its department sees it. */
export const officerHandoffSchema = z.object({
  conversationId: z.string(),
  departmentId: z.string(),
  status: conversationStatusSchema,
  phase: z.nullable(handoffPhaseSchema),
  reason: z.nullish(z.string()),
  language: z.nullish(z.string()),
  requestedAt: z.nullish(z.string()),
  claimDeadline: z.nullish(z.string()),
  claimedAt: z.nullish(z.string()),
  claimedBy: z.nullish(z.string()),
  claimedByMe: z.boolean(),
  caseReference: z.nullish(z.string()),
  contact: z.nullish(z.string()),
  contactKind: z.nullish(z.string()),
});

export const transcriptMessageSchema = z.object({
  id: z.string(),
  seq: z.int(),
  role: z.enum(['USER', 'ASSISTANT', 'STAFF', 'SYSTEM']),
  content: z.string(),
  status: z.enum(['COMPLETE', 'STREAMING', 'PARTIAL', 'FAILED', 'CANCELLED']),
  language: z.nullish(z.string()),
  createdAt: z.string(),
  authorName: z.nullish(z.string()),
  reviewState: z.nullish(z.string()),
});

const transcriptSchema = z.object({
  conversation: z.object({ id: z.string(), departmentId: z.string(), title: z.nullish(z.string()), language: z.nullish(z.string()) }),
  messages: z.object({ messages: z.array(transcriptMessageSchema), hasMore: z.boolean() }),
  handoff: officerHandoffSchema,
});

export type OfficerHandoff = z.infer<typeof officerHandoffSchema>;
export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;
export type Transcript = z.infer<typeof transcriptSchema>;

export function staffConversationPath(conversationId: string): string {
  return `/api/v1/staff/conversations/${encodeURIComponent(conversationId)}`;
}

const input = z.object({ conversationId: z.string().check(z.minLength(1)) });

/** Opens a citizen's conversation of the officer's departments (the server audits it): the latest messages. */
export function getTranscript(request: z.infer<typeof input>, signal?: AbortSignal): Promise<Transcript> {
  const { conversationId } = input.parse(request);
  return apiJson(`${staffConversationPath(conversationId)}/messages?limit=100`, transcriptSchema, { signal });
}
