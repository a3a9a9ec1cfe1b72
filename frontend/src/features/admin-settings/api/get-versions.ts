import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

const versionSummarySchema = z.object({
  version: z.int(),
  active: z.boolean(),
  restoredFrom: z.nullish(z.int()),
  createdBy: z.string(),
  createdAt: z.string(),
});

export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** Every version, newest first. */
export function getVersions(departmentId: string, signal?: AbortSignal): Promise<VersionSummary[]> {
  return apiJson(`/api/v1/admin/departments/${encodeURIComponent(departmentId)}/versions`, z.array(versionSummarySchema), {
    signal,
  });
}
