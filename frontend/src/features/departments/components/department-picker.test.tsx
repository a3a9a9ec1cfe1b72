import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { changeUiLanguage } from '../../../lib/i18n';
import { expectNoSeriousAxeViolations } from '../../../testing/axe';
import { departments } from '../../../testing/data';
import { DepartmentPicker } from './department-picker';

describe('DepartmentPicker', () => {
  test('shows each department with its greeting, and which assistants are switched off', () => {
    render(<DepartmentPicker departments={departments} hrefFor={(department) => `/?department=${department.id}`} />);
    expect(screen.getByRole('link', { name: 'Immigration Department' }).getAttribute('href')).toBe('/?department=immigration');
    expect(screen.getByText('Hello! I can help with identity cards and passports.')).toBeTruthy();
    const housing = screen.getByRole('link', { name: 'Housing Department' }).closest('li')!;
    expect(housing.textContent).toContain('Assistant switched off');
  });

  test('names and greetings follow the UI language', async () => {
    await changeUiLanguage('zh-HK');
    render(<DepartmentPicker departments={departments} hrefFor={(department) => `/?department=${department.id}`} />);
    expect(screen.getByRole('link', { name: '入境事務處' })).toBeTruthy();
    expect(screen.getByText('你好！我可以解答有關身份證及護照的問題。')).toBeTruthy();
    expect(screen.getByText('助理已暫停')).toBeTruthy();
  });

  test('has no serious axe violation', async () => {
    const { container } = render(
      <ul>
        <li>
          <DepartmentPicker departments={departments} hrefFor={(department) => `/?department=${department.id}`} />
        </li>
      </ul>,
    );
    await expectNoSeriousAxeViolations(container);
  });
});
