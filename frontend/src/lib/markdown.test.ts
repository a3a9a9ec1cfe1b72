import { describe, expect, test } from 'vitest';
import { renderMarkdown } from './markdown';

function rendered(source: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(source);
  return container;
}

describe('renderMarkdown', () => {
  test('renders lists, tables and links for answers', () => {
    const html = rendered('Steps:\n\n1. Fill in **form ID 999**\n2. Pay the fee\n\n| Item | Fee |\n|---|---|\n| Passport | $460 |\n\n[Apply online](https://www.example.gov/apply)');
    expect(html.querySelectorAll('ol > li')).toHaveLength(2);
    expect(html.querySelector('strong')?.textContent).toBe('form ID 999');
    expect(html.querySelector('table td')?.textContent).toBe('Passport');
    const link = html.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://www.example.gov/apply');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('shows raw HTML as text instead of interpreting it', () => {
    const html = rendered('Try <img src=x onerror=alert(1)> and <script>alert(2)</script> here');
    expect(html.querySelector('img')).toBeNull();
    expect(html.querySelector('script')).toBeNull();
    expect(html.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(html.innerHTML).not.toMatch(/<img|<script|onerror="/i);
  });

  test('a block of hostile HTML stays text', () => {
    const html = rendered('<div onclick="steal()"><iframe src="https://evil.example"></iframe><svg onload=alert(1)></svg></div>');
    expect(html.querySelector('div, iframe, svg')).toBeNull();
    expect(html.querySelector('[onclick], [onload]')).toBeNull();
  });

  test.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['  javascript:alert(1)'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox(1)'],
  ])('a link to %s is inert', (target) => {
    const html = rendered(`[click](${target})`);
    const link = html.querySelector('a');
    // either no link at all, or a link without a destination
    if (link) expect(link.hasAttribute('href')).toBe(false);
    expect(html.innerHTML.toLowerCase()).not.toContain('javascript:');
    expect(html.innerHTML.toLowerCase()).not.toContain('data:text/html');
  });

  test('markdown images are not loaded', () => {
    const html = rendered('![tracker](https://evil.example/pixel.png)');
    expect(html.querySelector('img')).toBeNull();
  });

  test('autolinks and mail links keep working', () => {
    const html = rendered('Write to <mailto:help@example.gov> or see https://www.example.gov');
    const hrefs = [...html.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['mailto:help@example.gov', 'https://www.example.gov']);
  });
});
