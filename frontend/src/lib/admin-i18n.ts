import i18next from 'i18next';
import en from '../locales/admin-en.json';
import zhCN from '../locales/admin-zh-CN.json';
import zhHK from '../locales/admin-zh-HK.json';

/**
 * The admin console's texts (the `admin` section) join the app's translations only when an admin page
 * loads: citizens' browsers never download them.
 */
export function addAdminTexts(): void {
  i18next.addResourceBundle('en', 'translation', en, true, true);
  i18next.addResourceBundle('zh-HK', 'translation', zhHK, true, true);
  i18next.addResourceBundle('zh-CN', 'translation', zhCN, true, true);
}
