import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

const diffSchema = z.object({
  from: z.int(),
  to: z.int(),
  changes: z.array(
    z.object({
      field: z.string(),
      before: z.nullish(z.string()),
      after: z.nullish(z.string()),
      lines: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
    }),
  ),
});

export type VersionDiff = z.infer<typeof diffSchema>;

export function getVersionDiff(departmentId: string, from: number, to: number, signal?: AbortSignal): Promise<VersionDiff> {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  return apiJson(`/api/v1/admin/departments/${encodeURIComponent(departmentId)}/versions/diff?${query}`, diffSchema, { signal });
}
