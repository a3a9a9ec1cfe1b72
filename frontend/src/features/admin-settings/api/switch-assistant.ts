import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

const switchedSchema = z.object({ switchedOn: z.boolean() });

/** The kill switch. */
export async function switchAssistant(departmentId: string, on: boolean): Promise<boolean> {
  const answer = await apiJson(`/api/v1/admin/departments/${encodeURIComponent(departmentId)}/assistant`, switchedSchema, {
    method: 'PUT',
    body: JSON.stringify({ on }),
  });
  return answer.switchedOn;
}
