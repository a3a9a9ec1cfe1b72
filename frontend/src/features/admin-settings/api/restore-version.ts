import { apiJson } from '../../../lib/api-client';
import { versionSchema, type Version } from './schemas';

/** Rollback: saves a new version with the settings of `version`. */
export function restoreVersion(departmentId: string, version: number, editedVersion: number): Promise<Version> {
  return apiJson(
    `/api/v1/admin/departments/${encodeURIComponent(departmentId)}/versions/${version}/restore`,
    versionSchema,
    { method: 'POST', body: JSON.stringify({ editedVersion }) },
  );
}
