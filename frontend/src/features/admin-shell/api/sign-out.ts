import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';

const signedOutSchema = z.object({ redirectUrl: z.optional(z.string()) });

/** Ends the session; resolves to where the browser goes next (the provider's end-session page, or `/`). */
export async function signOut(): Promise<string> {
  const answer = await apiJson('/logout', signedOutSchema, { method: 'POST' });
  return answer.redirectUrl ?? '/';
}
