import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { staffConversationPath, transcriptMessageSchema, type TranscriptMessage } from './get-transcript';

export const MAX_REPLY_LENGTH = 4000;

const replyInput = z.object({
  conversationId: z.string().check(z.minLength(1)),
  content: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_REPLY_LENGTH)),
});

/** Writes to the citizen (only the officer who claimed the conversation may). */
export function sendReply(input: z.infer<typeof replyInput>): Promise<TranscriptMessage> {
  const { conversationId, content } = replyInput.parse(input);
  return apiJson(`${staffConversationPath(conversationId)}/messages`, transcriptMessageSchema, {
    method: 'POST',
    body: JSON.stringify({ content }),
  });
}
