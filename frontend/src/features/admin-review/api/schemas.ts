import { z } from 'zod/mini';

export const reviewedConversationSchema = z.object({
  id: z.string(),
  departmentId: z.string(),
  title: z.nullish(z.string()),
  language: z.nullish(z.string()),
  status: z.enum(['ACTIVE', 'ESCALATED', 'CLOSED']),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  escalatedAt: z.nullish(z.string()),
  messages: z.int(),
  ratedUp: z.int(),
  ratedDown: z.int(),
  flag: z.nullish(z.object({ note: z.string(), flaggedBy: z.string(), flaggedAt: z.string() })),
});

export type ReviewedConversation = z.infer<typeof reviewedConversationSchema>;
