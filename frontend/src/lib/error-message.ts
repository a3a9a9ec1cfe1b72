import type { TFunction } from 'i18next';
import { ApiError } from './problem';

/** What to tell a citizen about a failed call: the server's translated `detail` first. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.detail) return error.detail;
    if (error.isNetworkError) return t('errors.network');
  }
  return t('errors.generic');
}
