import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

const localizedTextSchema = z.object({ en: z.string(), 'zh-Hant': z.string(), 'zh-Hans': z.string() });

export const departmentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  names: localizedTextSchema,
  greeting: localizedTextSchema,
  available: z.boolean(),
  /** Why not available: `switched-off` (kill switch) or `backend-down` (its model backends are down). */
  unavailableReason: z.optional(z.nullable(z.string())),
  /** Citizens can ask to talk to an officer in the chat. */
  handoffAvailable: z.optional(z.boolean()),
  /** Not in the v1 contract yet: shown in the privacy notice when the server sends it. */
  retentionDays: z.optional(z.int().check(z.positive())),
});

export type Department = z.infer<typeof departmentSchema>;

export function getDepartments(signal?: AbortSignal): Promise<Department[]> {
  return apiJson('/api/v1/departments', z.array(departmentSchema), { signal });
}
