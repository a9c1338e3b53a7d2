// axe-core (WCAG 2.1 A and AA) on every first-party surface, in the light and the dark theme: the popup's plan list,
// the plan editor, settings, a call's debrief with both authors' notes on the timeline, the call history, the trends
// and the backup page. Each must show no serious or critical violation. The overlay and the side panel join through
// tests/e2e/accessibility-surfaces.ts.
import type { Frame, Page } from 'playwright-core';
import type { Call } from '../../src/domain/call';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCallSurfaces } from './accessibility-surfaces';
import { seriousViolations } from './axe';
import { controlsTabSkips } from './keyboard';
import { type ExtensionBrowser, extensionUrl, startExtensionBrowser } from './extension-fixture';
import { PopupPage } from './pages/popup.mjs';
import { seedDebriefHistory, SEEDED_TITLE } from './seed';

const UPCOMING = 'Globex: discovery';

/** No serious or critical axe violation, and (on a page) every control reached by Tab. */
async function expectAccessible(target: Page | Frame, surface: string) {
  const problems = await seriousViolations(target);
  expect(problems, `${surface}:\n${JSON.stringify(problems, null, 2)}`).toEqual([]);
  if ('keyboard' in target) expect(await controlsTabSkips(target), `${surface}: not reached by Tab`).toEqual([]);
}

/** The WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(one: string, other: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((part) => {
        const channel = Number(part) / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

async function debriefPage(browser: ExtensionBrowser, hash: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser.extensionId, `src/debrief/debrief.html${hash}`));
  return page;
}

describe.each(['light', 'dark'] as const)('accessibility, %s theme', (colorScheme) => {
  let browser: ExtensionBrowser;
  let debriefed: Call;
  let fresh: Call;

  beforeAll(async () => {
    browser = await startExtensionBrowser({ colorScheme });
    ({ call: debriefed, fresh } = await seedDebriefHistory(browser));
    const popup = await PopupPage.open(browser);
    await popup.createPlan({
      title: UPCOMING,
      callType: 'discovery',
      meetingLink: 'https://meet.google.com/glo-bexd-isc',
      start: '2031-06-02T09:15',
      guardrails: { doNotRaise: 'Price rise', stepInWhen: 'Integration stalls', signal: 'Your view, Dana?' },
      agenda: [
        ['Open', 5],
        ['Their situation', 20],
        ['Next step', 5],
      ],
    });
    await popup.page.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the popup’s plan list, with past plans open', async () => {
    const { page } = await PopupPage.open(browser);
    await page.getByRole('button', { name: `Edit ${UPCOMING}` }).waitFor();
    await page.getByText(/^Past plans/).click();
    await page.getByRole('button', { name: `Edit ${SEEDED_TITLE}` }).waitFor();
    await expectAccessible(page, 'popup');
    await page.close();
  });

  it('the plan editor, with every section filled', async () => {
    const { page } = await PopupPage.open(browser);
    await page.getByRole('button', { name: `Edit ${UPCOMING}` }).click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    await expectAccessible(page, 'plan editor');
    await page.close();
  });

  it('the popup’s import view, with a refused code', async () => {
    const { page } = await PopupPage.open(browser);
    await page.getByRole('button', { name: 'Import plan' }).click();
    await page.getByLabel('Share code', { exact: true }).fill('RA1.not-a-real-code');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'popup import');
    await page.close();
  });

  it('the popup with a plan’s share code shown', async () => {
    const { page } = await PopupPage.open(browser);
    await page.getByRole('button', { name: `Share ${UPCOMING}` }).click();
    await page.getByLabel(`Share code for “${UPCOMING}”`).waitFor();
    await expectAccessible(page, 'popup share');
    await page.close();
  });

  it('settings', async () => {
    const { page } = await PopupPage.open(browser);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Done' }).waitFor();
    await expectAccessible(page, 'settings');
    await page.close();
  });

  it('a call’s debrief, with both authors’ notes on the timeline and one selected', async () => {
    const page = await debriefPage(browser, `#call=${encodeURIComponent(debriefed.id)}`);
    await page.getByRole('button', { name: 'Show the manager’s notes' }).click();
    await page.locator('.timeline .note-mark').nth(3).waitFor();
    await page.locator('.timeline .note-mark').first().click();
    await page.locator('.phase-notes li[aria-current="true"]').waitFor();
    await expectAccessible(page, 'debrief');
    // axe checks text only. The planned boxes are graphics, known by their outline: 3:1 against the page at least.
    const [outline, background] = await page
      .locator('.timeline .planned rect')
      .first()
      .evaluate((rect) => [getComputedStyle(rect).stroke, getComputedStyle(document.body).backgroundColor]);
    expect(contrast(outline!, background!)).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('a debrief not started yet, with what is missing, the folded notes and a refused notes code', async () => {
    const page = await debriefPage(browser, `#call=${encodeURIComponent(fresh.id)}`);
    await page.getByRole('list', { name: 'Still missing' }).waitFor();
    await page.getByLabel('Paste a notes code').fill('RN1.damaged');
    await page.getByRole('button', { name: 'Import the code' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'debrief, not started');
    await page.close();
  });

  it('the call history', async () => {
    const page = await debriefPage(browser, '');
    await page
      .getByRole('row', { name: new RegExp(SEEDED_TITLE) })
      .getByText('✓ complete')
      .waitFor();
    await expectAccessible(page, 'call history');
    await page.close();
  });

  it('the trends', async () => {
    const page = await debriefPage(browser, '#trends');
    await page.getByRole('region', { name: 'Trends for Sam' }).waitFor();
    await expectAccessible(page, 'trends');
    await page.close();
  });

  it('the backup page, with a backup picked', async () => {
    const page = await debriefPage(browser, '#backup');
    await page.getByRole('heading', { name: 'Backup and restore' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Back up everything' }).click(),
    ]);
    await page.getByLabel('Backup file').setInputFiles(await download.path());
    await page.getByRole('button', { name: 'Merge this backup' }).waitFor();
    await expectAccessible(page, 'backup');
    await page.close();
  });

  for (const surface of inCallSurfaces()) {
    it(surface.name, async () => {
      await expectAccessible(await surface.open(browser), surface.name);
    });
  }
});
