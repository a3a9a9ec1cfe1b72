import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

const backendSchema = z.object({
  id: z.string(),
  type: z.nullish(z.string()),
  defaultModel: z.nullish(z.string()),
  models: z.array(z.string()),
  state: z.enum(['UP', 'STARTING', 'DOWN', 'CIRCUIT_OPEN']),
  reason: z.nullish(z.string()),
  inFlight: z.int(),
  queued: z.int(),
});

export type Backend = z.infer<typeof backendSchema>;

/** The backends the configuration offers, with their live state. */
export function getBackends(signal?: AbortSignal): Promise<Backend[]> {
  return apiJson('/api/v1/admin/backends', z.array(backendSchema), { signal });
}
