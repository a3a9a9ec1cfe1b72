import { render } from '@testing-library/react';
import { App } from '../app/app';

/** The whole app at a URL, as a citizen opening it. */
export function renderAppAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}
