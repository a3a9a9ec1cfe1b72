import type { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { conversationInput, handoffPath, handoffStateSchema, type HandoffState } from './get-handoff';

/** Back to the assistant, without waiting for (or leaving) the officer. */
export function cancelHandoff(input: z.infer<typeof conversationInput>): Promise<HandoffState> {
  const { conversationId } = conversationInput.parse(input);
  return apiJson(handoffPath(conversationId), handoffStateSchema, { method: 'DELETE' });
}
