// Browser steps of HandoffIT: a citizen (Cantonese, Traditional Chinese page) asks for a person; an officer signs
// in on the OpenID provider's interactive login page, claims the conversation from the live inbox and writes.
// Environment: APP_URL, CHROMIUM (executable), OUT_DIR (screenshots). Exit code 0 = passed.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const appUrl = process.env.APP_URL;
const outDir = process.env.OUT_DIR ?? '.';
mkdirSync(outDir, { recursive: true });
const LIVE = { timeout: 5_000 };

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`ok - ${message}`);
}

async function newPage(browser, locale) {
  const context = await browser.newContext({ locale, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return { context, page, problems };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
try {
  // 1. The citizen asks the Immigration Department's assistant in Cantonese, then asks for a person.
  const citizen = await newPage(browser, 'zh-HK');
  await citizen.page.goto(`${appUrl}/?department=immigration`);
  const question = citizen.page.getByRole('textbox', { name: '你的問題' });
  await question.fill('我想問點樣續領護照呀？');
  await question.press('Enter');
  await citizen.page.getByRole('button', { name: '複製這個回答' }).waitFor({ timeout: 30_000 });
  check(true, 'the citizen asked in Cantonese and the assistant answered');
  await citizen.page.getByRole('button', { name: '與職員對話' }).click();
  await citizen.page.getByText('正在等候職員').waitFor(LIVE);
  check(true, 'after asking for a person, the citizen waits for an officer (in Traditional Chinese)');
  await citizen.page.getByText('你已要求與入境事務處職員對話').waitFor(LIVE);
  check(true, 'the citizen sees the notice of their request in the conversation');

  // 2. An officer signs in on the provider's login page and finds the request live in the inbox.
  const officer = await newPage(browser, 'zh-HK');
  await officer.page.goto(`${appUrl}/staff`);
  await officer.page.locator('input[name="username"]').waitFor({ timeout: 30_000 });
  await officer.page.locator('input[name="username"]').fill('e2e-officer');
  await officer.page.locator('textarea[name="claims"]').fill(
    JSON.stringify({
      preferred_username: 'e2e-officer',
      name: 'Officer Chan',
      email: 'e2e-officer@city.example',
      groups: ['/departments/immigration/staff'],
    }),
  );
  await officer.page.locator('input[type="submit"]').click();
  await officer.page.waitForURL((url) => url.toString().startsWith(`${appUrl}/staff`), { timeout: 30_000 });
  await officer.page.getByTestId('officer-name').waitFor({ timeout: 15_000 });
  check((await officer.page.getByTestId('officer-name').textContent()) === 'Officer Chan', 'the officer signed in and is greeted by name');
  const item = officer.page.getByTestId('inbox-list').locator('li').filter({ hasText: '我想問點樣續領護照呀？' });
  await item.waitFor(LIVE);
  check((await item.textContent()).includes('廣東話'), 'the inbox shows the request with its language (Cantonese)');
  check((await item.textContent()).includes('已等候'), 'the inbox shows how long the citizen has waited');
  await officer.page.screenshot({ path: `${outDir}/staff-inbox.png`, fullPage: true });

  // 3. The officer opens the transcript and claims the conversation; the citizen hears an officer joined.
  await item.getByRole('button').click();
  const conversation = officer.page.getByTestId('handoff-conversation');
  await conversation.locator('li.message--user').filter({ hasText: '我想問點樣續領護照呀？' }).waitFor(LIVE);
  check(true, 'the officer sees the transcript so far');
  await conversation.getByRole('button', { name: '接手此對話' }).click();
  await citizen.page.getByText('職員已加入對話。').waitFor(LIVE);
  await citizen.page.getByText('你正在與職員對話').waitFor(LIVE);
  check(true, 'the citizen sees that an officer has joined, in their language');

  // 4. Officer → citizen, live.
  const reply = conversation.getByRole('textbox', { name: '你給市民的訊息' });
  await reply.fill('你好，我係入境處職員。請問有咩可以幫到你？');
  await reply.press('Enter');
  const staffMessage = citizen.page.locator('li.message--staff').filter({ hasText: '你好，我係入境處職員。請問有咩可以幫到你？' });
  await staffMessage.waitFor(LIVE);
  check((await staffMessage.locator('.message__author').textContent()) === '職員', 'the citizen sees the officer’s reply, labelled as an officer');
  check(!(await citizen.page.content()).includes('Officer Chan'), 'the officer’s name is not shown to the citizen');

  // 5. Citizen → officer, live; the model is not asked.
  const toOfficer = citizen.page.getByRole('textbox', { name: '你給職員的訊息' });
  await toOfficer.fill('我本護照上個禮拜過咗期。');
  await toOfficer.press('Enter');
  await conversation.locator('li.message--user').filter({ hasText: '我本護照上個禮拜過咗期。' }).waitFor(LIVE);
  check(true, 'the officer sees the citizen’s message as it is sent');
  check((await citizen.page.locator('li.message--assistant').count()) === 2, 'no assistant answer was written while the officer has the conversation (greeting + first answer only)');
  await citizen.page.screenshot({ path: `${outDir}/citizen-with-officer.png`, fullPage: true });
  await officer.page.screenshot({ path: `${outDir}/staff-conversation.png`, fullPage: true });

  // 6. The officer hands the conversation back to the assistant.
  await conversation.getByRole('button', { name: '交回助理' }).click();
  await citizen.page.getByText('職員已把對話交回助理').waitFor(LIVE);
  await citizen.page.getByRole('button', { name: '與職員對話' }).waitFor(LIVE);
  check(true, 'handed back: the citizen is told and can ask for a person again');

  for (const [who, problems] of [['citizen', citizen.problems], ['officer', officer.problems]]) {
    check(
      problems.every((p) => !p.includes('Content Security Policy')),
      `no Content-Security-Policy violation on the ${who}’s page (${problems.join(' | ') || 'none'})`,
    );
  }
  console.log('e2e: all steps passed');
} finally {
  await browser.close();
}
