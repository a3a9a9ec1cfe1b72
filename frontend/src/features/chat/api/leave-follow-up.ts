import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { handoffPath } from './get-handoff';

const followUpSchema = z.object({ caseReference: z.string(), contact: z.nullish(z.string()) });
export type FollowUp = z.infer<typeof followUpSchema>;

const followUpInput = z.object({
  conversationId: z.string().check(z.minLength(1)),
  contact: z.optional(z.string().check(z.trim(), z.maxLength(254))),
});

/** Leaves a phone number or e-mail address for a call back, or (without one) takes a case reference. */
export function leaveFollowUp(input: z.infer<typeof followUpInput>): Promise<FollowUp> {
  const { conversationId, contact } = followUpInput.parse(input);
  return apiJson(`${handoffPath(conversationId)}/follow-up`, followUpSchema, {
    method: 'POST',
    body: JSON.stringify(contact ? { contact } : {}),
  });
}
