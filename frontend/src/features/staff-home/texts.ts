// The staff pages' texts in the three UI languages. (To move into the app's shared i18n resources once
// they exist on this branch.)
export type UiLanguage = 'en' | 'zh-HK' | 'zh-CN';

const en = {
  staffTitle: 'Staff portal',
  adminTitle: 'Admin console',
  loading: 'Loading…',
  signedInAs: 'Signed in as',
  departments: 'Your departments',
  everyDepartment: 'You can see every department.',
  noDepartments: 'You are not assigned to any department yet.',
  signOut: 'Sign out',
  signIn: 'Sign in',
  signInFailed:
    'Sign-in did not succeed. Your account may not have access to govchat yet: please ask your administrator.',
  tryAgain: 'Try again',
  failed: 'Something went wrong. Please reload the page.',
};

type Texts = typeof en;

const zhHK: Texts = {
  staffTitle: '職員入口',
  adminTitle: '管理控制台',
  loading: '載入中…',
  signedInAs: '已登入：',
  departments: '你的部門',
  everyDepartment: '你可查看所有部門。',
  noDepartments: '你尚未獲編配到任何部門。',
  signOut: '登出',
  signIn: '登入',
  signInFailed: '登入未能完成。你的帳戶可能尚未獲授權使用 govchat，請聯絡你的管理員。',
  tryAgain: '再試一次',
  failed: '系統出現問題，請重新載入頁面。',
};

const zhCN: Texts = {
  staffTitle: '职员入口',
  adminTitle: '管理控制台',
  loading: '加载中…',
  signedInAs: '已登录：',
  departments: '你的部门',
  everyDepartment: '你可查看所有部门。',
  noDepartments: '你尚未获分配到任何部门。',
  signOut: '退出登录',
  signIn: '登录',
  signInFailed: '登录未能完成。你的账户可能尚未获授权使用 govchat，请联系你的管理员。',
  tryAgain: '再试一次',
  failed: '系统出现问题，请重新加载页面。',
};

export const TEXTS: Record<UiLanguage, Texts> = { en, 'zh-HK': zhHK, 'zh-CN': zhCN };

/** Hong Kong, Macau, Taiwan and Traditional script read Traditional Chinese; other Chinese Simplified. */
export function uiLanguage(tag: string | undefined): UiLanguage {
  const lower = (tag ?? 'en').toLowerCase();
  if (lower !== 'zh' && !lower.startsWith('zh-')) return 'en';
  if (lower.includes('-hant') || /^zh-(hk|mo|tw)\b/.test(lower)) return 'zh-HK';
  return 'zh-CN';
}
