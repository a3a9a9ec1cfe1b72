import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { versionSchema } from './schemas';

const settingsSchema = z.object({ switchedOn: z.boolean(), supervisedAnswers: z.boolean(), active: versionSchema });

export type Settings = z.infer<typeof settingsSchema>;

export function getSettings(departmentId: string, signal?: AbortSignal): Promise<Settings> {
  return apiJson(`/api/v1/admin/departments/${encodeURIComponent(departmentId)}/settings`, settingsSchema, { signal });
}
