import { z } from 'zod/mini';
import { apiJson } from '../../../lib/api-client';
import { type SettingsContent, versionSchema } from './schemas';

/** Field errors of a refused save (`/problems/invalid-settings`), already translated by the server. */
export const fieldErrorsSchema = z.object({
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});

/** Saves the settings as a new version; `editedVersion` is the version the edit started from (409 otherwise). */
export function saveSettings(departmentId: string, editedVersion: number, settings: SettingsContent) {
  return apiJson(`/api/v1/admin/departments/${encodeURIComponent(departmentId)}/settings`, versionSchema, {
    method: 'PUT',
    body: JSON.stringify({ editedVersion, ...settings }),
  });
}
