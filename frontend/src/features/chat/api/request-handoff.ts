import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { handoffPath, handoffReasonSchema, handoffStateSchema, type HandoffState } from './get-handoff';

const requestInput = z.object({ conversationId: z.string().check(z.minLength(1)), reason: handoffReasonSchema });

/** Asks for an officer: the conversation waits in the department's inbox until one claims it. */
export function requestHandoff(input: z.infer<typeof requestInput>): Promise<HandoffState> {
  const { conversationId, reason } = requestInput.parse(input);
  return apiJson(handoffPath(conversationId), handoffStateSchema, { method: 'POST', body: JSON.stringify({ reason }) });
}
