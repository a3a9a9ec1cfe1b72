import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

/** Repository root `target/e2e-screenshots/`, for people to review. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../target/e2e-screenshots/', import.meta.url));
mkdirSync(SCREENSHOT_DIR, { recursive: true });

export const MOBILE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}

/** axe on the whole page, in the real browser (colour contrast included); fails on serious or critical. */
export async function expectNoSeriousAxeViolations(page: Page, screen: string) {
  // evaluate, not a script tag: a Content-Security-Policy must not stop the check
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  });
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious, `axe on ${screen}`).toEqual([]);
}

/** Opens the app in a UI language, as a citizen who chose it earlier. */
export async function useLanguage(page: Page, language: 'en' | 'zh-HK' | 'zh-CN') {
  await page.addInitScript((value) => window.localStorage.setItem('govchat.language', value), language);
}

/** Asks a question in the open chat and waits until the answer is complete (its Copy button appears). */
export async function askAndWait(page: Page, question: string, labels: { input: string; copy: string }) {
  await page.getByRole('textbox', { name: labels.input }).fill(question);
  await page.keyboard.press('Enter');
  const answer = page.locator('li.message--assistant').last();
  const copy = answer.getByRole('button', { name: labels.copy });
  const refused = page.getByRole('alert');
  await expect(copy.or(refused).first()).toBeVisible({ timeout: 60_000 });
  // say why at once when the server refused the question, rather than waiting for a timeout
  if (await refused.count()) throw new Error(`the chat showed an error: ${await refused.first().innerText()}`);
  return answer;
}
