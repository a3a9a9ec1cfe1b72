import { z } from 'zod/mini';
import { localizedTextSchema } from '../../../lib/localized-text';

export const profileSchema = z.object({
  systemPrompt: z.string(),
  backendId: z.string(),
  model: z.nullish(z.string()),
  fallbackBackends: z.array(z.string()),
  temperature: z.number(),
  maxOutputTokens: z.int(),
  memoryMessages: z.int(),
  greeting: localizedTextSchema,
  handoffEnabled: z.boolean(),
});

export const settingsContentSchema = z.object({
  names: localizedTextSchema,
  retentionDays: z.int(),
  profile: profileSchema,
});

export const versionSchema = z.object({
  departmentId: z.string(),
  version: z.int(),
  settings: settingsContentSchema,
  active: z.boolean(),
  restoredFrom: z.nullish(z.int()),
  createdBy: z.string(),
  createdAt: z.string(),
});

export type Profile = z.infer<typeof profileSchema>;
export type SettingsContent = z.infer<typeof settingsContentSchema>;
export type Version = z.infer<typeof versionSchema>;
