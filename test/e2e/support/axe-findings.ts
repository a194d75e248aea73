/** axe-core in the page under test, for every screen's accessibility check. */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core's serious and critical findings on the page as it is now (or inside `within`), one
 * `rule: target` line per node. Evaluated, not added as a <script>: the page's CSP refuses inline
 * scripts, and the tests keep it in force.
 */
export async function seriousAxeFindings(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(axe.source);
  const { violations, passes } = await page.evaluate(
    (selector) => (window as unknown as { axe: typeof axe }).axe.run(selector ? { include: [[selector]] } : document),
    within ?? null,
  );
  // A run that checked nothing (the script not there, an empty page) must not pass for a clean one.
  if (!passes.some((p) => p.id === 'color-contrast')) throw new Error('axe-core checked no colour contrast');
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary})` : ''}`),
    );
}
