import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

const latencySchema = z.object({ count: z.number(), p50Ms: z.nullish(z.number()), p95Ms: z.nullish(z.number()) });

const dashboardSchema = z.object({
  departmentId: z.string(),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      conversations: z.number(),
      citizens: z.number(),
      questions: z.number(),
      answers: z.number(),
      staffReplies: z.number(),
      messages: z.number(),
      escalated: z.number(),
      ratedUp: z.number(),
      ratedDown: z.number(),
    }),
  ),
  totals: z.object({
    conversations: z.number(),
    citizens: z.number(),
    messages: z.number(),
    questions: z.number(),
    answers: z.number(),
    staffReplies: z.number(),
    escalated: z.number(),
    escalatedShare: z.nullish(z.number()),
    ratedUp: z.number(),
    ratedDown: z.number(),
    satisfaction: z.nullish(z.number()),
    answersComplete: z.number(),
    answersPartial: z.number(),
    answersFailed: z.number(),
    answersCancelled: z.number(),
    failureRate: z.nullish(z.number()),
    cancelRate: z.nullish(z.number()),
  }),
  languages: z.array(z.object({ language: z.string(), questions: z.number(), share: z.number() })),
  latency: z.object({ timeToFirstToken: latencySchema, duration: latencySchema }),
  models: z.array(
    z.object({ backend: z.string(), model: z.string(), answers: z.number(), tokensIn: z.number(), tokensOut: z.number() }),
  ),
});

export type Dashboard = z.infer<typeof dashboardSchema>;

/**
 * Every figure for `from`..`to` (local dates of the city, inclusive); without a range, the server's last
 * 30 days (in the city's time zone, which the browser's may not be).
 */
export function getDashboard(
  departmentId: string,
  range: { from: string; to: string } | null,
  signal?: AbortSignal,
): Promise<Dashboard> {
  const query = new URLSearchParams(range ?? {});
  return apiJson(`/api/v1/admin/departments/${encodeURIComponent(departmentId)}/dashboard?${query}`, dashboardSchema, {
    signal,
  });
}
