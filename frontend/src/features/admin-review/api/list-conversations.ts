import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { reviewedConversationSchema } from './schemas';

const pageSchema = z.object({ conversations: z.array(reviewedConversationSchema), nextCursor: z.nullish(z.string()) });

export type ReviewPage = z.infer<typeof pageSchema>;

/** The filters of the review list; empty strings mean "any". */
export type ReviewFilters = {
  from: string;
  to: string;
  language: string;
  rating: string;
  status: string;
  escalated: string;
  flagged: string;
  q: string;
};

export const NO_FILTERS: ReviewFilters = { from: '', to: '', language: '', rating: '', status: '', escalated: '', flagged: '', q: '' };

export function filterQuery(filters: ReviewFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value.trim() !== '') query.set(key, value.trim());
  }
  return query;
}

export function listConversations(
  departmentId: string,
  filters: ReviewFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ReviewPage> {
  const query = filterQuery(filters);
  query.set('limit', '25');
  if (cursor) query.set('cursor', cursor);
  return apiJson(`/api/v1/admin/departments/${encodeURIComponent(departmentId)}/conversations?${query}`, pageSchema, { signal });
}

/** Where the browser downloads the filtered list as CSV (a plain link: the session cookie goes along). */
export function exportUrl(departmentId: string, filters: ReviewFilters): string {
  return `/api/v1/admin/departments/${encodeURIComponent(departmentId)}/conversations/export?${filterQuery(filters)}`;
}
