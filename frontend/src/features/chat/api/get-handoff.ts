import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

export const handoffPhaseSchema = z.enum(['WAITING', 'TIMED_OUT', 'CLAIMED', 'FOLLOW_UP']);
export const handoffReasonSchema = z.enum(['CITIZEN_REQUEST', 'NEGATIVE_RATING', 'ASSISTANT_FAILED']);

/** A conversation and its handoff to an officer, as the citizen sees it (never the officer's name). */
export const handoffStateSchema = z.object({
  available: z.boolean(),
  status: z.enum(['ACTIVE', 'ESCALATED', 'CLOSED']),
  phase: z.nullable(handoffPhaseSchema),
  reason: z.nullish(handoffReasonSchema),
  requestedAt: z.nullish(z.string()),
  claimDeadline: z.nullish(z.string()),
  caseReference: z.nullish(z.string()),
  contactLeft: z.boolean(),
});

export type HandoffState = z.infer<typeof handoffStateSchema>;
export type HandoffReason = z.infer<typeof handoffReasonSchema>;

export const conversationInput = z.object({ conversationId: z.string().check(z.minLength(1)) });

export function handoffPath(conversationId: string): string {
  return `/api/v1/conversations/${encodeURIComponent(conversationId)}/handoff`;
}

export function getHandoff(input: z.infer<typeof conversationInput>, signal?: AbortSignal): Promise<HandoffState> {
  const { conversationId } = conversationInput.parse(input);
  return apiJson(handoffPath(conversationId), handoffStateSchema, { signal });
}
