import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { OfficerHome } from './officer-home';

function answer(status: number, body: unknown) {
  return vi.fn().mockResolvedValue(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
    }),
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const immigration = {
  id: 'immigration',
  names: { en: 'Immigration Department', 'zh-Hant': '入境事務處', 'zh-Hans': '入境事务处' },
};

test('shows the signed-in officer and their department in their language', async () => {
  const fetch = answer(200, { displayName: 'Immigration Officer', roles: ['STAFF'], departments: [immigration] });
  vi.stubGlobal('fetch', fetch);
  render(<OfficerHome area="staff" path="/staff" language="zh-HK" />);
  expect(await screen.findByTestId('officer-name')).toHaveProperty('textContent', 'Immigration Officer');
  expect(screen.getByTestId('officer-departments').textContent).toBe('入境事務處');
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('職員入口');
  expect(fetch).toHaveBeenCalledWith('/api/v1/staff/me', expect.objectContaining({ credentials: 'same-origin' }));
});

test('explains, in the server’s words, that staff sign-in is not configured', async () => {
  vi.stubGlobal(
    'fetch',
    answer(401, { type: '/problems/sign-in-not-configured', detail: 'Staff sign-in is not set up on this installation.' }),
  );
  render(<OfficerHome area="admin" path="/admin" language="en" />);
  expect((await screen.findByRole('alert')).textContent).toContain('Staff sign-in is not set up');
  expect(screen.queryByRole('link')).toBeNull();
});

test('offers to sign in again when the session has ended', async () => {
  vi.stubGlobal(
    'fetch',
    answer(401, { type: '/problems/unauthenticated', detail: 'Please sign in.', signInUrl: '/oauth2/authorization/sso' }),
  );
  render(<OfficerHome area="staff" path="/staff" language="en" />);
  expect((await screen.findByRole('link', { name: 'Sign in' })).getAttribute('href')).toBe('/oauth2/authorization/sso');
});

test('a failed sign-in says so without calling the API', () => {
  const fetch = vi.fn();
  vi.stubGlobal('fetch', fetch);
  render(<OfficerHome area="staff" path="/staff/sign-in-error" language="zh-CN" />);
  expect(screen.getByRole('alert').textContent).toContain('登录未能完成');
  expect(fetch).not.toHaveBeenCalled();
});
