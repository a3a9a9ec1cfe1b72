import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { reviewedConversationSchema } from './schemas';

const messageSchema = z.object({
  id: z.string(),
  seq: z.int(),
  role: z.enum(['USER', 'ASSISTANT', 'STAFF', 'SYSTEM']),
  content: z.string(),
  status: z.enum(['COMPLETE', 'STREAMING', 'PARTIAL', 'FAILED', 'CANCELLED']),
  language: z.nullish(z.string()),
  backend: z.nullish(z.string()),
  model: z.nullish(z.string()),
  tokensIn: z.nullish(z.number()),
  tokensOut: z.nullish(z.number()),
  timeToFirstTokenMs: z.nullish(z.number()),
  durationMs: z.nullish(z.number()),
  errorType: z.nullish(z.string()),
  createdAt: z.string(),
  feedback: z.nullish(z.object({ rating: z.enum(['up', 'down']), comment: z.nullish(z.string()) })),
});

const transcriptSchema = z.object({
  conversation: reviewedConversationSchema,
  messages: z.array(messageSchema),
  hasMore: z.boolean(),
});

export type Transcript = z.infer<typeof transcriptSchema>;
export type ReviewedMessage = z.infer<typeof messageSchema>;

/** Opens a conversation (the server records who opened it). */
export function getTranscript(
  departmentId: string,
  conversationId: string,
  beforeSeq: number | null,
  signal?: AbortSignal,
): Promise<Transcript> {
  const query = new URLSearchParams({ limit: '100' });
  if (beforeSeq !== null) query.set('before', String(beforeSeq));
  return apiJson(
    `/api/v1/admin/departments/${encodeURIComponent(departmentId)}/conversations/${encodeURIComponent(conversationId)}?${query}`,
    transcriptSchema,
    { signal },
  );
}
