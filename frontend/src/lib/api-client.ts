import { ApiError, apiErrorFrom } from './problem';
import { currentApiLanguage } from './i18n';

function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Same-origin fetch with the conventions of the govchat API: the anonymous session cookie travels along,
 * `Accept-Language` follows the UI language (so problem details come back translated), and unsafe
 * methods echo the `XSRF-TOKEN` cookie. Non-2xx answers throw an {@link ApiError}.
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', currentApiLanguage());
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (init.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie('XSRF-TOKEN');
    if (token) headers.set('X-XSRF-TOKEN', token);
  }
  let response: Response;
  try {
    response = await fetch(new URL(path, window.location.href).toString(), {
      ...init,
      method,
      headers,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0 });
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return response;
}

/** A JSON call whose answer is checked against `schema` (a zod schema). */
export async function apiJson<T>(path: string, schema: { parse(data: unknown): T }, init: RequestInit = {}): Promise<T> {
  const response = await apiFetch(path, init);
  return schema.parse(await response.json());
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
