// The in-call HUD at a glance: at 1280×720 and at 1024×640, for both roles, on Meet and on Zoom, every control the
// role needs in the moment is inside the visible frame with no scrolling, and the overlay's box stays within
// 360×200 (rep) or 360×260 (manager). Nothing here scrolls to click: a control below the fold fails.
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, startExtensionBrowserWithPlans } from './extension-fixture';
import { storedRecords } from './database';
import { OVERLAY_HOST, OverlayFrame } from './pages/overlay.mjs';

const PLATFORMS = [
  { name: 'Meet', url: 'https://meet.google.com/hud-glan-cea' },
  { name: 'Zoom', url: 'https://app.zoom.us/wc/84511122233/join' },
] as const;
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1024, height: 640 },
] as const;
const LIMITS = { rep: { width: 360, height: 200 }, manager: { width: 360, height: 260 } } as const;

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowserWithPlans(
    PLATFORMS.map((platform) => ({
      title: `Hooli ${platform.name} pilot`,
      meetingLink: platform.url,
      guardrails: {
        doNotRaise: 'The reseller discount, and the 2027 price list',
        stepInWhen: 'the security questions stall for more than a minute',
        signal: 'Sam asks “Dana, anything to add?”',
      },
      agenda: [
        ['Open and agree the agenda with everyone', 5],
        ['Their questions for us', 10],
        ['Agree the next step', 5],
      ],
    })),
  );
});

afterAll(() => browser?.close());

/** True when the whole element is inside the frame's viewport and the frame's box inside the tab: no scroll needed. */
async function inView(frame: Frame, locator: Locator): Promise<boolean> {
  const box = await locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, w: innerWidth, h: innerHeight };
  });
  const page = frame.page();
  const host = (await page.locator(OVERLAY_HOST).boundingBox())!;
  const viewport = page.viewportSize()!;
  return (
    box.top >= 0 &&
    box.left >= 0 &&
    box.bottom <= box.h &&
    box.right <= box.w &&
    host.y >= 0 &&
    host.y + host.height <= viewport.height &&
    host.x + host.width <= viewport.width
  );
}

async function startAs(page: Page, role: 'rep' | 'manager', title: string): Promise<OverlayFrame> {
  const overlay = await OverlayFrame.on(page);
  await overlay.expand();
  await overlay.frame.getByRole('radio', { name: role === 'rep' ? 'the rep' : 'the manager' }).check();
  await overlay.startCall(title);
  // The HUD as it is in the moment: More closed.
  await overlay.closeMore();
  return overlay;
}

describe.each(PLATFORMS)('the HUD on $name', (platform) => {
  const title = `Hooli ${platform.name} pilot`;
  describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
    it.each(['rep', 'manager'] as const)('shows the %s everything the moment needs, within its size', async (role) => {
      const page = await browser.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(platform.url);
      const overlay = await startAs(page, role, title);
      const frame = overlay.frame;
      try {
        // On the last item the ask shows too: the fullest the HUD gets.
        for (let step = 0; step < 2; step++) {
          await frame.getByRole('button', { name: 'Next item' }).press('Enter');
          await expect
            .poll(() => overlay.currentItem().innerText())
            .toContain(step === 0 ? 'Their questions' : 'next step');
        }
        if (role === 'rep') await frame.getByRole('status').filter({ hasText: 'Ask now' }).waitFor();
        await overlay.waitUntilSettled();
        if (process.env.HUD_SCREENSHOTS)
          await page.screenshot({ path: `/tmp/hud-${platform.name}-${viewport.width}-${role}.png` });

        const needed =
          role === 'rep'
            ? [
                frame.getByRole('button', { name: 'Next item' }),
                frame.getByRole('button', { name: 'Back' }),
                frame.getByRole('status').filter({ hasText: 'Ask now' }),
                overlay.currentItem(),
                frame.locator('.time.item'),
                frame.locator('.time.total'),
                frame.getByText(/questions? open|All questions covered/),
              ]
            : [
                frame.getByRole('textbox', { name: 'Note', exact: true }),
                frame.getByRole('list', { name: 'Guardrails' }),
                frame.getByRole('group', { name: 'Quick tags' }),
                overlay.currentItem(),
                frame.locator('.cue'),
              ];
        for (const locator of needed) expect(await inView(frame, locator), String(locator)).toBe(true);
        const box = (await page.locator(OVERLAY_HOST).boundingBox())!;
        expect(box.width).toBeLessThanOrEqual(LIMITS[role].width);
        expect(box.height).toBeLessThanOrEqual(LIMITS[role].height);
        // The frame's own document doesn't scroll.
        expect(await frame.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);
      } finally {
        // Ended either way, so the next case starts from the plan.
        await frame.getByRole('button', { name: 'End call' }).press('Enter');
      }
      await frame.getByRole('region', { name: 'Linked to this meeting' }).waitFor();
      const calls = (await storedRecords(browser, 'calls')) as { role: string; endedAt: number | null }[];
      expect(calls.filter((call) => call.endedAt === null)).toEqual([]);
      await page.close();
    });
  });
});
