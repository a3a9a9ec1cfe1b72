function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/**
 * Ends the session here; the answer names the provider's end-session page, which the browser visits next
 * so that the single sign-on session ends too.
 */
export async function signOut(): Promise<string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = readCookie('XSRF-TOKEN');
  if (token) headers['X-XSRF-TOKEN'] = token;
  const response = await fetch('/logout', { method: 'POST', headers, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Sign-out failed (${response.status})`);
  const body: unknown = await response.json();
  const target =
    typeof body === 'object' && body !== null && typeof (body as { redirectUrl?: unknown }).redirectUrl === 'string'
      ? (body as { redirectUrl: string }).redirectUrl
      : '/';
  return target;
}
