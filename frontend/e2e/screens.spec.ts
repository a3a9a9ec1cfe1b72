import { expect, test, type Page } from '@playwright/test';
import { askAndWait, DESKTOP, expectNoSeriousAxeViolations, MOBILE, screenshot } from './support';

// Every screen, at desktop width and at 360 px, in light and dark colour schemes: axe must find no serious or
// critical violation (contrast included), and a screenshot is kept for review.
const SCREENS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'home',
    open: async (page) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expect(page.locator('.department-card').first()).toBeVisible();
    },
  },
  {
    name: 'chat',
    open: async (page) => {
      await page.goto('/?department=immigration');
      await askAndWait(page, 'What do I need for a passport?', { input: 'Your question', copy: 'Copy this answer' });
    },
  },
  {
    name: 'privacy',
    open: async (page) => {
      await page.goto('/privacy');
      await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
    },
  },
  {
    name: 'embed',
    open: async (page) => {
      await page.goto('/embed/immigration');
      await expect(page.getByRole('textbox', { name: 'Your question' })).toBeVisible();
    },
  },
  {
    name: 'home-zh-HK',
    open: async (page) => {
      await page.addInitScript(() => window.localStorage.setItem('govchat.language', 'zh-HK'));
      await page.goto('/');
      await expect(page.locator('.department-card').first()).toBeVisible();
    },
  },
];

for (const screen of SCREENS) {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['360', MOBILE],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${screen.name} at ${size} (${scheme}) passes axe`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await screen.open(page);
        await expectNoSeriousAxeViolations(page, `${screen.name} ${size} ${scheme}`);
        await screenshot(page, `${screen.name}-${size}-${scheme}`);
      });
    }
  }
}

test('the delete confirmation dialog passes axe', async ({ page }) => {
  await page.goto('/?department=immigration');
  await askAndWait(page, 'Something to list', { input: 'Your question', copy: 'Copy this answer' });
  await page.goto('/');
  await page.locator('.conversation-list__item').first().getByRole('button', { name: /Delete/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'delete dialog');
});
