// axe-core in an extension page or frame, with the WCAG 2.1 A and AA rules. Extension pages allow only their own
// scripts (script-src 'self'), so axe's source is evaluated through the DevTools protocol rather than added as a
// script tag, which the page's CSP would block.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One problem axe found, with where: enough to fix it from a failing test's message. */
export interface AxeProblem {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  summary: string;
}

/** Runs axe over the page or frame as it is now, and returns its serious and critical WCAG 2.1 A/AA violations. */
export async function seriousViolations(target: Page | Frame): Promise<AxeProblem[]> {
  if (!(await target.evaluate(() => 'axe' in globalThis))) {
    // Evaluated as a script through the DevTools protocol, which the page's CSP doesn't govern; it defines `axe` on
    // the page's global object, as a script tag would.
    await target.evaluate(`${AXE_SOURCE}\n;undefined`);
  }
  const results = await target.evaluate(
    (tags) =>
      (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(
        document,
        {
          runOnly: { type: 'tag', values: tags },
          // WCAG 2.5.3, label in name: axe ships it as experimental, so it runs only when named.
          rules: { 'label-content-name-mismatch': { enabled: true } },
          resultTypes: ['violations'],
        },
      ),
    WCAG_21_A_AA,
  );
  return results.violations
    .filter((violation: Result) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation: Result) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
      summary: violation.nodes.map((node) => node.failureSummary ?? '').join(' | '),
    }));
}
