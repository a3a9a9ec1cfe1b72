// Browser steps of KeycloakSignInIT: real Chromium, the real Keycloak login page, the built web app.
// Environment: APP_URL, KEYCLOAK_URL, CHROMIUM (executable), OUT_DIR (screenshots). Exit code 0 = passed.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const appUrl = process.env.APP_URL;
const keycloakUrl = process.env.KEYCLOAK_URL;
const outDir = process.env.OUT_DIR ?? '.';
mkdirSync(outDir, { recursive: true });

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`ok - ${message}`);
}

/** Opens an app page that needs sign-in, signs in on Keycloak's own login page, and returns to the app. */
async function signIn(browser, { path, username, locale }) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));

  await page.goto(appUrl + path);
  await page.waitForURL((url) => url.toString().startsWith(keycloakUrl), { timeout: 30_000 });
  check(page.url().includes('code_challenge_method=S256'), `${username}: the app sent the browser to Keycloak with PKCE`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo-password');
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.toString().startsWith(appUrl + path), { timeout: 30_000 });
  check(true, `${username}: back at ${new URL(page.url()).pathname} after signing in on the Keycloak login page`);
  return { context, page, problems };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
try {
  // 1. A demo officer lands in the staff portal, which greets them and names their department.
  const officer = await signIn(browser, { path: '/staff', username: 'immigration-officer', locale: 'zh-HK' });
  const name = officer.page.getByTestId('officer-name');
  await name.waitFor({ timeout: 15_000 });
  check((await name.textContent()) === 'Immigration Officer', 'the staff portal shows the officer’s name');
  const departments = await officer.page.getByTestId('officer-departments').textContent();
  check(departments === '入境事務處', `the staff portal shows the officer’s department in Traditional Chinese (${departments})`);
  check((await officer.page.locator('h1').textContent()) === '職員入口', 'the page speaks the browser’s language');
  await officer.page.screenshot({ path: `${outDir}/staff-portal.png`, fullPage: true });
  const officerOnAdminApi = await officer.page.evaluate(async () => (await fetch('/api/v1/admin/departments')).status);
  check(officerOnAdminApi === 403, 'an officer is refused the admin API (403)');
  check(
    officer.problems.every((p) => !p.includes('Content Security Policy')),
    `no Content-Security-Policy violation on the page (${officer.problems.join(' | ') || 'none'})`,
  );
  // RP-initiated logout: the session ends here and at Keycloak, so the next visit asks for the password again
  await officer.page.getByRole('button', { name: '登出' }).click();
  await officer.page.waitForURL((url) => url.toString() === `${appUrl}/`, { timeout: 30_000 });
  check(true, 'signing out goes through Keycloak’s end-session endpoint and back to the start page');
  await officer.page.goto(appUrl + '/staff');
  await officer.page.waitForURL((url) => url.toString().startsWith(keycloakUrl), { timeout: 30_000 });
  await officer.page.locator('#username').waitFor({ timeout: 15_000 });
  check(true, 'after signing out, the staff portal asks for Keycloak’s login again');
  await officer.context.close();

  // 2. A demo admin of Immigration cannot open Transport: it answers like a department that does not exist.
  const admin = await signIn(browser, { path: '/admin', username: 'immigration-admin', locale: 'en-GB' });
  await admin.page.getByTestId('officer-name').waitFor({ timeout: 15_000 });
  check((await admin.page.locator('h1').textContent()) === 'Admin console', 'the admin lands in the admin console');
  const read = (path) =>
    admin.page.evaluate(async (p) => {
      const response = await fetch(p, { headers: { Accept: 'application/json' } });
      return { status: response.status, body: await response.json() };
    }, path);
  const own = await read('/api/v1/admin/departments/immigration');
  check(own.status === 200 && own.body.activeProfile.version >= 1, 'the admin opens their own department with its profile');
  const other = await read('/api/v1/admin/departments/transport');
  check(
    other.status === 404 && other.body.type === '/problems/department-not-found',
    `the admin of Immigration gets 404 for Transport (${other.status} ${other.body.type})`,
  );
  check(!JSON.stringify(other.body).includes('Transport Department'), 'nothing of Transport leaks into the answer');
  const listed = await read('/api/v1/admin/departments');
  check(
    listed.body.length === 1 && listed.body[0].id === 'immigration',
    'the admin lists only the departments they administer',
  );
  const navigation = await admin.page.goto(appUrl + '/api/v1/admin/departments/transport');
  check(navigation.status() === 404, 'opening Transport in the address bar also answers 404');
  await admin.page.goto(appUrl + '/admin');
  await admin.page.getByTestId('officer-name').waitFor({ timeout: 15_000 });
  await admin.page.screenshot({ path: `${outDir}/admin-console.png`, fullPage: true });
  await admin.context.close();
  console.log('e2e: all steps passed');
} finally {
  await browser.close();
}
