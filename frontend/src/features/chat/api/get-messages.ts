import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

export const messageRoleSchema = z.enum(['USER', 'ASSISTANT', 'STAFF', 'SYSTEM']);
export const messageStatusSchema = z.enum(['COMPLETE', 'STREAMING', 'PARTIAL', 'FAILED', 'CANCELLED']);
export const feedbackSchema = z.object({ rating: z.enum(['up', 'down']), comment: z.nullish(z.string()) });

export const messageSchema = z.object({
  id: z.string().check(z.minLength(1)),
  seq: z.int(),
  role: messageRoleSchema,
  content: z.string(),
  status: messageStatusSchema,
  language: z.nullish(z.string()),
  createdAt: z.string(),
  feedback: z.nullish(feedbackSchema),
});

const messagePageSchema = z.object({ messages: z.array(messageSchema), hasMore: z.boolean() });

export type MessageRole = z.infer<typeof messageRoleSchema>;
export type MessageStatus = z.infer<typeof messageStatusSchema>;
export type Feedback = z.infer<typeof feedbackSchema>;
export type Message = z.infer<typeof messageSchema>;
export type MessagePage = z.infer<typeof messagePageSchema>;

/** Where citizens' conversations live; the staff portal's internal assistant has its own. */
export const CITIZEN_CONVERSATIONS = '/api/v1/conversations';

const getMessagesInput = z.object({
  conversationId: z.string().check(z.minLength(1)),
  /** Where the conversations live: citizens' by default, or the staff portal's internal assistant. */
  base: z.optional(z.string().check(z.startsWith('/api/'))),
  before: z.optional(z.int()),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
});

/** One page of a conversation, oldest to newest; `before` pages back from a sequence number. */
export function getMessages(input: z.infer<typeof getMessagesInput>, signal?: AbortSignal): Promise<MessagePage> {
  const { conversationId, before, limit, base } = getMessagesInput.parse(input);
  const query = new URLSearchParams();
  if (before !== undefined) query.set('before', String(before));
  query.set('limit', String(limit ?? 50));
  return apiJson(`${base ?? CITIZEN_CONVERSATIONS}/${encodeURIComponent(conversationId)}/messages?${query}`, messagePageSchema, {
    signal,
  });
}
