import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test } from 'vitest';
import { server } from '../testing/server';
import { apiFetch } from './api-client';
import { changeUiLanguage } from './i18n';
import { ApiError } from './problem';

afterEach(() => {
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('apiFetch', () => {
  test('sends the UI language, and the XSRF cookie on unsafe methods only', async () => {
    const seen: { method: string; language: string | null; xsrf: string | null }[] = [];
    server.use(
      http.all('/api/v1/probe', ({ request }) => {
        seen.push({ method: request.method, language: request.headers.get('Accept-Language'), xsrf: request.headers.get('X-XSRF-TOKEN') });
        return HttpResponse.json({});
      }),
    );
    document.cookie = 'XSRF-TOKEN=abc%3D123; path=/';
    await changeUiLanguage('zh-HK');
    await apiFetch('/api/v1/probe');
    await apiFetch('/api/v1/probe', { method: 'POST', body: '{}' });
    await apiFetch('/api/v1/probe', { method: 'DELETE' });
    expect(seen).toEqual([
      { method: 'GET', language: 'zh-HK', xsrf: null },
      { method: 'POST', language: 'zh-HK', xsrf: 'abc=123' },
      { method: 'DELETE', language: 'zh-HK', xsrf: 'abc=123' },
    ]);
  });

  test('a problem answer becomes an ApiError with its detail and Retry-After', async () => {
    server.use(
      http.get('/api/v1/probe', () =>
        HttpResponse.json(
          { type: '/problems/backend-queue-full', title: 'Busy', status: 503, detail: '助理正忙，請稍後再試。' },
          { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '12' } },
        ),
      ),
    );
    const error = await apiFetch('/api/v1/probe').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, detail: '助理正忙，請稍後再試。', type: '/problems/backend-queue-full', retryAfterSeconds: 12 });
  });

  test('an answer that is not a problem still fails, without a detail', async () => {
    server.use(http.get('/api/v1/probe', () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })));
    await expect(apiFetch('/api/v1/probe')).rejects.toMatchObject({ status: 502, detail: null });
  });

  test('an unreachable server is a network error (status 0)', async () => {
    server.use(http.get('/api/v1/probe', () => HttpResponse.error()));
    const error = await apiFetch('/api/v1/probe').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isNetworkError).toBe(true);
  });
});
