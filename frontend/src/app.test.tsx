import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { App } from './app';

test('renders the application shell heading', () => {
  render(<App />);
  expect(screen.getByRole('heading', { level: 1 })).toHaveProperty('textContent', 'govchat');
});
