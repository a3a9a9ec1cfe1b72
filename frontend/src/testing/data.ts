import type { Department } from '../features/departments/api/get-departments';
import type { ConversationSummary } from '../features/conversations/api/get-conversations';
import type { Message } from '../features/chat/api/get-messages';

export const immigration: Department = {
  id: 'immigration',
  names: { en: 'Immigration Department', 'zh-Hant': '入境事務處', 'zh-Hans': '入境事务处' },
  greeting: {
    en: 'Hello! I can help with identity cards and passports.',
    'zh-Hant': '你好！我可以解答有關身份證及護照的問題。',
    'zh-Hans': '你好！我可以解答有关身份证及护照的问题。',
  },
  available: true,
  retentionDays: 180,
};

export const housing: Department = {
  id: 'housing',
  names: { en: 'Housing Department', 'zh-Hant': '房屋署', 'zh-Hans': '房屋署' },
  greeting: { en: 'Hello from Housing.', 'zh-Hant': '房屋署你好。', 'zh-Hans': '房屋署你好。' },
  available: false,
};

export const departments: Department[] = [immigration, housing];

export const conversations: ConversationSummary[] = [
  {
    id: 'c-1',
    departmentId: 'immigration',
    title: 'How do I renew my passport?',
    language: 'en',
    status: 'ACTIVE',
    createdAt: '2026-11-28T09:00:00Z',
    lastActivityAt: '2026-11-28T09:05:00Z',
  },
  {
    id: 'c-2',
    departmentId: 'housing',
    title: null,
    language: null,
    status: 'ACTIVE',
    createdAt: '2026-11-27T09:00:00Z',
    lastActivityAt: '2026-11-27T09:01:00Z',
  },
];

export function message(partial: Partial<Message> & Pick<Message, 'id' | 'seq' | 'role' | 'content'>): Message {
  return { status: 'COMPLETE', language: 'en', createdAt: '2026-11-28T09:00:00Z', feedback: null, ...partial };
}
