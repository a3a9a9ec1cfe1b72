import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { localizedTextSchema } from '../../../lib/localized-text';

const adminSchema = z.object({
  displayName: z.string(),
  username: z.string(),
  roles: z.array(z.string()),
  everyDepartment: z.boolean(),
  departments: z.array(z.object({ id: z.string(), names: localizedTextSchema, available: z.boolean() })),
});

export type Admin = z.infer<typeof adminSchema>;
export type AdministeredDepartment = Admin['departments'][number];

/** Who is signed in and which departments they administer (`401` when nobody is, `403` for staff). */
export function getAdmin(signal?: AbortSignal): Promise<Admin> {
  return apiJson('/api/v1/admin/me', adminSchema, { signal });
}
