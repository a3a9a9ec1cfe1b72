import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe on what is rendered and fails on any serious or critical violation. Colour contrast needs real
 * layout, so it is checked by the browser tests (e2e), not here.
 */
export async function expectNoSeriousAxeViolations(root: Element = document.body) {
  const results = await axe.run(root, {
    resultTypes: ['violations'],
    rules: { 'color-contrast': { enabled: false } },
  });
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.html).join(' | ')}`);
  expect(serious).toEqual([]);
  return results;
}
