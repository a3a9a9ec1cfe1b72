import type { Backend } from '../features/admin-settings/api/get-backends';
import type { Version } from '../features/admin-settings/api/schemas';

export const adminMe = {
  displayName: 'Immigration Admin',
  username: 'immigration-admin',
  roles: ['DEPT_ADMIN'],
  everyDepartment: false,
  departments: [
    { id: 'immigration', names: { en: 'Immigration Department', 'zh-Hant': '入境事務處', 'zh-Hans': '入境事务处' }, available: true },
  ],
};

export const backends: Backend[] = [
  { id: 'default', type: 'OLLAMA', defaultModel: 'qwen2.5:7b-instruct', models: ['qwen2.5:7b-instruct', 'qwen2.5:14b'], state: 'UP', reason: null, inFlight: 1, queued: 0 },
  { id: 'gpu-pool', type: 'OPENAI_COMPATIBLE', defaultModel: 'Qwen/Qwen2.5-7B-Instruct', models: ['Qwen/Qwen2.5-7B-Instruct'], state: 'DOWN', reason: 'unreachable', inFlight: 0, queued: 0 },
];

export function version(number: number, greetingZhHant = '你好！我可以解答有關身份證及護照的問題。', active = true): Version {
  return {
    departmentId: 'immigration',
    version: number,
    active,
    restoredFrom: null,
    createdBy: number === 1 ? 'demo-data' : 'immigration-admin',
    createdAt: '2026-11-28T09:00:00Z',
    settings: {
      names: { en: 'Immigration Department', 'zh-Hant': '入境事務處', 'zh-Hans': '入境事务处' },
      retentionDays: 180,
      profile: {
        systemPrompt: 'You answer questions about identity cards and passports.',
        backendId: 'default',
        model: null,
        fallbackBackends: [],
        temperature: 0.3,
        maxOutputTokens: 1024,
        memoryMessages: 20,
        greeting: { en: 'Hello!', 'zh-Hant': greetingZhHant, 'zh-Hans': '你好！' },
        handoffEnabled: false,
      },
    },
  };
}
