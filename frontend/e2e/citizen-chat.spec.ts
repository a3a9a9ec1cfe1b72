import { expect, test } from '@playwright/test';
import { askAndWait, DESKTOP, MOBILE, screenshot, useLanguage } from './support';

const LANGUAGES = [
  {
    ui: 'en',
    department: 'Immigration Department',
    input: 'Your question',
    copy: 'Copy this answer',
    helpful: 'Helpful',
    thanks: 'Thank you for your feedback.',
    question: 'How do I renew my passport?',
    answer: 'Thank you for your question.',
    conversationsLink: 'Departments',
  },
  {
    ui: 'zh-HK',
    department: '入境事務處',
    input: '你的問題',
    copy: '複製這個回答',
    helpful: '有幫助',
    thanks: '多謝你的意見。',
    question: '請問點樣續領護照？',
    answer: '多謝你嘅查詢。',
    conversationsLink: '部門',
  },
  {
    ui: 'zh-CN',
    department: '入境事务处',
    input: '你的问题',
    copy: '复制这个回答',
    helpful: '有帮助',
    thanks: '感谢你的意见。',
    question: '请问怎么续办护照？',
    answer: '感谢你的咨询。',
    conversationsLink: '部门',
  },
] as const;

for (const language of LANGUAGES) {
  test(`a full conversation in ${language.ui}`, async ({ page }) => {
    await useLanguage(page, language.ui);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', language.ui);

    await page.getByRole('link', { name: language.department }).click();
    await expect(page).toHaveURL(/\?department=immigration$/);
    const answer = await askAndWait(page, language.question, language);
    await expect(page).toHaveURL(/\/c\/[^/]+$/);

    await expect(answer).toContainText(language.answer);
    // Markdown came through as structure: a numbered list and a table
    await expect(answer.locator('ol > li')).toHaveCount(2);
    await expect(answer.locator('table')).toHaveCount(1);
    await screenshot(page, `chat-${language.ui}-desktop`);

    await answer.getByRole('button', { name: language.helpful, exact: true }).click();
    await expect(answer.getByText(language.thanks)).toBeVisible();
    await expect(answer.getByRole('button', { name: language.helpful, exact: true })).toHaveAttribute('aria-pressed', 'true');

    // the conversation is listed among the citizen's own, titled by the question
    await page.getByRole('navigation').getByRole('link', { name: language.conversationsLink }).click();
    await expect(page.locator('.conversation-list')).toContainText(language.question);
  });
}

test('a conversation works at 360 px, keyboard only', async ({ page }) => {
  await page.setViewportSize(MOBILE);
  await page.goto('/');
  // skip link first, then reach a department card with the keyboard
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  const card = page.getByRole('link', { name: 'Immigration Department' });
  for (let i = 0; i < 20 && !(await card.evaluate((element) => element === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(card).toBeFocused();
  await page.keyboard.press('Enter');
  const input = page.getByRole('textbox', { name: 'Your question' });
  await input.focus();
  await page.keyboard.type('What documents do I need?');
  await page.keyboard.press('Enter');
  const answer = page.locator('li.message--assistant').last();
  await expect(answer.getByRole('button', { name: 'Copy this answer' })).toBeVisible({ timeout: 60_000 });
  // nothing is wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'chat-en-360');
});

test('reloading in the middle of an answer keeps it and lets it finish', async ({ page }) => {
  await page.goto('/?department=immigration');
  await page.getByRole('textbox', { name: 'Your question' }).fill('Please answer slow');
  await page.keyboard.press('Enter');
  const answer = page.locator('li.message--assistant').last();
  await expect(answer).toContainText('This answer is written slowly');
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  const before = (await answer.innerText()).length;

  await page.reload();
  const resumed = page.locator('li.message--assistant').last();
  await expect(resumed).toContainText('This answer is written slowly');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(resumed).toContainText('(end of the slow answer)', { timeout: 60_000 });
  await expect(resumed.getByRole('button', { name: 'Copy this answer' })).toBeVisible();
  expect((await resumed.innerText()).length).toBeGreaterThan(before);
  // written once: no piece repeated by the resume
  const text = await resumed.locator('.markdown').innerText();
  expect(text.match(/This answer is written slowly/g)).toHaveLength(1);
  expect(text.match(/Each sentence adds a little more detail/g)).toHaveLength(6);
});

test('losing the network in the middle of an answer resumes it when the network is back', async ({ page, context }) => {
  await page.goto('/?department=immigration');
  await page.getByRole('textbox', { name: 'Your question' }).fill('Once more, slow please');
  await page.keyboard.press('Enter');
  const answer = page.locator('li.message--assistant').last();
  await expect(answer).toContainText('This answer is written slowly');
  await context.setOffline(true);
  await page.waitForTimeout(1500);
  await context.setOffline(false);
  await expect(answer).toContainText('(end of the slow answer)', { timeout: 60_000 });
  const text = await answer.locator('.markdown').innerText();
  expect(text.match(/Each sentence adds a little more detail/g)).toHaveLength(6);
});

test('Stop ends the answer, keeps what was written, and it stays stopped after a reload', async ({ page }) => {
  await page.goto('/?department=immigration');
  await page.getByRole('textbox', { name: 'Your question' }).fill('Answer slow, I will stop you');
  await page.keyboard.press('Enter');
  const answer = page.locator('li.message--assistant').last();
  await expect(answer).toContainText('This answer is written slowly');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(answer.getByText('Stopped. The answer is incomplete.')).toBeVisible();
  await expect(answer).not.toContainText('(end of the slow answer)');
  const kept = await answer.locator('.markdown').innerText();

  await page.reload();
  const reloaded = page.locator('li.message--assistant').last();
  await expect(reloaded.getByText('Stopped. The answer is incomplete.')).toBeVisible();
  expect((await reloaded.locator('.markdown').innerText()).startsWith(kept.slice(0, 20))).toBe(true);
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
});

test('a hostile answer renders inert: no dialog, no image with onerror, no javascript: link', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/?department=immigration');
  const answer = await askAndWait(page, 'xss <img src=x onerror=alert(1)> test', { input: 'Your question', copy: 'Copy this answer' });
  await expect(answer).toContainText('Here you go');
  await answer.getByText('click').click();
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('[onerror], script:not([type="module"])').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  // what the citizen typed is shown as text
  await expect(page.locator('li.message--user').last()).toContainText('<img src=x onerror=alert(1)>');
  await screenshot(page, 'chat-hostile-answer');
});

test('deleting a conversation asks first, then removes it', async ({ page }) => {
  await page.goto('/?department=transport');
  await askAndWait(page, 'A question to delete later', { input: 'Your question', copy: 'Copy this answer' });
  await page.goto('/');
  const row = page.locator('.conversation-list__item', { hasText: 'A question to delete later' });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /Delete/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this conversation?' });
  await expect(dialog).toBeVisible();
  await page.setViewportSize(DESKTOP);
  await screenshot(page, 'delete-confirmation-desktop');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: /Delete/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('The conversation was deleted.')).toBeVisible();
  await page.reload();
  await expect(page.locator('.conversation-list__item', { hasText: 'A question to delete later' })).toHaveCount(0);
});

test('the embedded chat is compact and keeps its conversation over a reload', async ({ page }) => {
  await page.setViewportSize(MOBILE);
  await page.goto('/embed/immigration');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await askAndWait(page, 'Asked from the department website', { input: 'Your question', copy: 'Copy this answer' });
  await page.reload();
  await expect(page.locator('li.message--user')).toContainText('Asked from the department website');
  await screenshot(page, 'embed-360');
});
