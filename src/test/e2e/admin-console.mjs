// Browser steps of AdminConsoleIT: real Chromium, the built web app, sign-in through the app's OpenID provider.
// Environment: APP_URL, CHROMIUM (executable), OUT_DIR (screenshots). Exit code 0 = passed.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const appUrl = process.env.APP_URL;
const outDir = process.env.OUT_DIR ?? '.';
mkdirSync(outDir, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const GREETING = '你好！我係入境事務處嘅智能助理。';

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`ok - ${message}`);
}

/** axe in the real browser (contrast included): no serious or critical violation. */
async function axe(page, screen) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
  check(violations.length === 0, `axe finds no serious violation on ${screen} (${violations.join('; ') || 'none'})`);
}

async function citizenGreeting(page) {
  return page.evaluate(async () => (await (await fetch('/api/v1/departments/immigration')).json()).greeting['zh-Hant']);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
try {
  const admin = await browser.newContext({ locale: 'zh-HK', viewport: { width: 1280, height: 900 } });
  const page = await admin.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));

  // 1. Sign in (authorization code with PKCE through the browser) and open the department
  await page.goto(`${appUrl}/admin`);
  await page.getByTestId('officer-name').waitFor({ timeout: 30_000 });
  check((await page.locator('h1').textContent()) === '管理控制台', 'the admin lands in the admin console, in Traditional Chinese');
  await page.getByRole('link', { name: '入境事務處' }).click();
  const greeting = page.getByRole('textbox', { name: '歡迎語（繁體中文）' });
  await greeting.waitFor({ timeout: 15_000 });
  const original = await greeting.inputValue();
  check((await page.getByTestId('active-version').textContent()).includes('第 1 版'), 'version 1 is active');
  await axe(page, 'the assistant settings');
  await page.screenshot({ path: `${outDir}/admin-settings.png`, fullPage: true });

  // 2. Edit the greeting in 繁體中文 and save: version 2
  await greeting.fill(GREETING);
  await page.getByRole('button', { name: '儲存為新版本' }).click();
  await page.getByText('已儲存為第 2 版。').waitFor({ timeout: 15_000 });
  check((await page.getByTestId('active-version').textContent()).includes('第 2 版'), 'the saved settings are version 2');
  check((await citizenGreeting(page)) === GREETING, 'citizens get the new greeting at once');

  // 3. Versions: version 2 is active; roll back to version 1 (a new version 3)
  await page.getByRole('navigation', { name: '部門管理' }).getByRole('link', { name: '版本' }).click();
  const table = page.getByTestId('version-table');
  await table.waitFor({ timeout: 15_000 });
  const rows = table.locator('tbody tr');
  await rows.nth(1).waitFor({ timeout: 15_000 });
  check((await rows.count()) === 2, 'the history lists two versions');
  check((await rows.first().textContent()).includes('2') && (await rows.first().textContent()).includes('使用中'), 'version 2 is marked active');
  await page.getByRole('button', { name: '顯示差異' }).click();
  await page.getByTestId('version-diff').waitFor();
  check((await page.getByTestId('version-diff').textContent()).includes(GREETING), 'the diff of versions 1 and 2 shows the new greeting');
  await axe(page, 'the version history');
  await page.screenshot({ path: `${outDir}/admin-versions.png`, fullPage: true });
  await page.getByRole('button', { name: '還原至第 1 版' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '還原至第 1 版' }).click();
  await page.getByText('已還原：現正使用第 3 版。').waitFor({ timeout: 15_000 });
  // the history is fetched again after the notice shows: wait for its third row
  await rows.nth(2).waitFor({ timeout: 15_000 });
  check((await rows.count()) === 3, 'the rollback is version 3');
  check((await citizenGreeting(page)) === original, 'citizens get the original greeting back');

  // 4. The dashboard and the conversation review render (charts drawn, axe clean)
  await page.getByRole('navigation', { name: '部門管理' }).getByRole('link', { name: '數據概覽' }).click();
  await page.getByTestId('dashboard-tiles').waitFor({ timeout: 15_000 });
  await page.locator('.recharts-surface').first().waitFor({ timeout: 15_000 });
  await axe(page, 'the dashboard');
  await page.screenshot({ path: `${outDir}/admin-dashboard.png`, fullPage: true });
  await page.getByRole('navigation', { name: '部門管理' }).getByRole('link', { name: '對話' }).click();
  await page.getByRole('button', { name: '套用篩選' }).waitFor({ timeout: 15_000 });
  await axe(page, 'the conversation review');

  // 5. Kill switch: off, after a confirmation
  await page.getByRole('navigation', { name: '部門管理' }).getByRole('link', { name: '助理' }).click();
  await page.getByRole('button', { name: '暫停助理' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '暫停' }).click();
  await page.getByText('助理已暫停。', { exact: true }).waitFor({ timeout: 15_000 });
  check(true, 'the admin switched the assistant off');
  check(
    problems.every((p) => !p.includes('Content Security Policy')),
    `no Content-Security-Policy violation in the admin console (${problems.join(' | ') || 'none'})`,
  );

  // 6. A citizen's chat shows the translated banner and cannot ask
  const citizen = await browser.newContext({ locale: 'zh-HK', viewport: { width: 390, height: 844 } });
  const chat = await citizen.newPage();
  await chat.goto(`${appUrl}/?department=immigration`);
  await chat.getByText('這個助理已暫停服務').waitFor({ timeout: 15_000 });
  check(await chat.getByRole('textbox', { name: '你的問題' }).isDisabled(), 'the citizen’s question box is disabled');
  await chat.screenshot({ path: `${outDir}/citizen-switched-off.png`, fullPage: true });
  check(true, 'the citizen chat shows the kill-switch banner in Traditional Chinese');
  await citizen.close();
  await admin.close();
  console.log('e2e: all steps passed');
} finally {
  await browser.close();
}
