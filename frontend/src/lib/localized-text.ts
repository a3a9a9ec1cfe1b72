import { z } from 'zod/mini';

/** A server-side text in the three written languages: `{ en, zh-Hant, zh-Hans }`. */
export const localizedTextSchema = z.object({ en: z.string(), 'zh-Hant': z.string(), 'zh-Hans': z.string() });
