// The call history and the trends as a person reads them: a debriefed call is never shown as "not started" while
// its debrief is still being read, and a long tag name is shown whole in the trends, not cut.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNote } from '../../src/domain/note';
import { type ExtensionBrowser, extensionUrl, startExtensionBrowser } from './extension-fixture';
import { restoreRecords, seedDebriefHistory, seededCall, seededPlan } from './seed';

const MINUTE = 60_000;
/** Tag labels are at most 40 characters; one word with nowhere to break (a team's own, in German), and a seeded one. */
const UNBROKEN_TAG = 'Preisverhandlungsgesprächsvorbereitung';
const SPACED_TAG = 'Features without benefits (data dump)';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowser();
  await seedDebriefHistory(browser);
  // Another call of the same rep, with the unbroken tag three times: the most frequent tag in Sam's trends.
  const plan = { ...seededPlan(Date.now()), id: 'long-tag-plan', title: 'Hooli: long tags' };
  const call = seededCall(plan, 'rep', 'long-tag-call');
  const notes = [5, 10, 15].map((minute) =>
    createNote(
      call,
      { tag: { label: UNBROKEN_TAG, stepIn: false, guardrail: false }, text: '', author: 'manager' },
      call.startedAt + minute * MINUTE,
      `long-tag-note-${minute}`,
    ),
  );
  await restoreRecords(browser, { plans: [plan], calls: [call], notes, debriefs: [] });
});

afterAll(async () => {
  await browser?.close();
});

describe('the call history', () => {
  it('shows a debriefed call as loading until its debrief is read, never as not started', async () => {
    const page = await browser.context.newPage();
    // Every state the rows are drawn in, recorded as it is drawn.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as { seenRows?: string[] }).seenRows = seen;
      new MutationObserver(() => {
        for (const row of document.querySelectorAll('tbody tr')) seen.push(row.textContent ?? '');
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
    const debriefed = page.getByRole('row', { name: /Hooli: discovery/ });
    await expect.poll(() => debriefed.innerText()).toContain('✓ complete');
    const seen = await page.evaluate(() => (globalThis as { seenRows?: string[] }).seenRows ?? []);
    const states = seen.filter((row) => row.startsWith('Hooli: discovery'));
    expect(states.length).toBeGreaterThan(0);
    expect(states.filter((row) => row.includes('not started'))).toEqual([]);
    await page.close();
  });
});

describe('the trends', () => {
  it.each([360, 1280])('show long tag names whole at %i px wide', async (width) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html#trends'));
    const trends = page.getByRole('region', { name: 'Trends for Sam' });
    await trends.locator('.tag-name').first().waitFor();
    const names = await trends.locator('.tag-name').evaluateAll((elements) =>
      elements.map((element) => {
        const name = element.getBoundingClientRect();
        const bar = element.nextElementSibling!.getBoundingClientRect();
        return {
          text: (element as HTMLElement).innerText.replace(/\s+/g, ' '),
          // Nothing hidden: no overflow inside the name, and the name ends before its bar starts.
          fits: element.scrollWidth <= element.clientWidth && name.right <= bar.left,
          visible: name.width > 0 && name.height > 0,
        };
      }),
    );
    expect(names.map((name) => name.text)).toEqual(expect.arrayContaining([UNBROKEN_TAG, SPACED_TAG]));
    for (const name of names) expect(name, name.text).toMatchObject({ fits: true, visible: true });
    await page.close();
  });
});
