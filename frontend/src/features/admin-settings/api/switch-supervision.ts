import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

const supervisionSchema = z.object({ supervisedAnswers: z.boolean() });

/** Supervised mode: hold every answer to citizens for an officer's approval, or stop holding them. */
export async function switchSupervision(departmentId: string, on: boolean): Promise<boolean> {
  const answer = await apiJson(`/api/v1/admin/departments/${encodeURIComponent(departmentId)}/supervision`, supervisionSchema, {
    method: 'PUT',
    body: JSON.stringify({ on }),
  });
  return answer.supervisedAnswers;
}
