// The in-call overlay on Meet and on Zoom: plan offered, role chosen, call started; transitions stored; the rep's and
// the manager's cues; a reload resumes the same call; questions and the ask; the hide command; out of the way.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  reloadExtensionUnder,
  runCommand,
  startExtensionBrowserWithPlans,
} from './extension-fixture';
import { storedRecords } from './database';
import { OVERLAY_HOST, OverlayFrame } from './pages/overlay.mjs';
import { PopupPage } from './pages/popup.mjs';

interface StoredCall {
  id: string;
  role: string;
  startedAt: number;
  meeting: { platform: string; code: string };
  transitions: { at: number; toItemIndex: number; by: string }[];
  questionTicks: { questionId: string; at: number }[];
  endedAt: number | null;
}

const PLATFORMS = [
  { name: 'Google Meet', url: 'https://meet.google.com/ink-call-abc', bar: '[role="toolbar"]', code: 'ink-call-abc' },
  { name: 'Zoom', url: 'https://app.zoom.us/wc/84599988877/join', bar: 'footer#wc-footer', code: '84599988877' },
] as const;

const AGENDA: [string, number][] = [
  ['Open and agree the agenda', 5],
  ['Their questions for us', 10],
  ['Agree the next step', 5],
];

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowserWithPlans(
    PLATFORMS.map((platform) => ({
      title: `Stark ${platform.name} review`,
      meetingLink: platform.url,
      agenda: AGENDA,
      guardrails: {
        doNotRaise: 'The reseller discount',
        stepInWhen: 'Security questions stall',
        signal: 'Sam asks “Dana?”',
      },
    })),
  );
});

afterAll(() => browser?.close());

async function callsIn(code: string): Promise<StoredCall[]> {
  return ((await storedRecords(browser, 'calls')) as StoredCall[]).filter((call) => call.meeting.code === code);
}

async function startAs(page: Page, role: 'rep' | 'manager', title: string): Promise<OverlayFrame> {
  const overlay = await OverlayFrame.on(page);
  await overlay.expand();
  await overlay.frame.getByRole('radio', { name: role === 'rep' ? 'the rep' : 'the manager' }).check();
  await overlay
    .section('Linked to this meeting')
    .getByRole('button', { name: `Start call: ${title}` })
    .click();
  await overlay.currentItem().waitFor();
  await overlay.more();
  return overlay;
}

describe.each(PLATFORMS)('on $name', (platform) => {
  const title = `Stark ${platform.name} review`;

  it('offers the linked plan, starts the call as the rep, and shows the first item and the rep’s cue', async () => {
    const page = await browser.context.newPage();
    await page.goto(platform.url);
    const overlay = await OverlayFrame.on(page);
    // The pill offers the plan without showing its text.
    await overlay.frame.getByRole('button', { name: 'Open Ridealong: Plan ready' }).waitFor();
    expect(await overlay.text()).not.toContain('Stark');
    const started = await startAs(page, 'rep', title);
    expect(await started.currentItem().innerText()).toContain('Open and agree the agenda');
    expect(await started.text()).toContain('You lead: the agenda, the transitions, the ask.');
    expect(await started.text()).not.toContain('Don’t raise');

    // Next and Back are stored as transitions with their times.
    await started.frame.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => started.currentItem().innerText()).toContain('Their questions for us');
    await started.frame.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => started.currentItem().innerText()).toContain('Open and agree the agenda');
    // The HUD shows a move before storage has it: read the record once both moves are stored.
    await expect
      .poll(async () => (await callsIn(platform.code))[0]?.transitions.length, { message: 'both moves stored' })
      .toBe(2);
    const [call] = await callsIn(platform.code);
    expect(call!.role).toBe('rep');
    expect(call!.transitions.map(({ toItemIndex, by }) => [toItemIndex, by])).toEqual([
      [1, 'rep'],
      [0, 'rep'],
    ]);
    expect(call!.transitions[0]!.at).toBeGreaterThanOrEqual(call!.startedAt);
    expect(call!.transitions[1]!.at).toBeGreaterThanOrEqual(call!.transitions[0]!.at);
    await page.close();
  });

  it('resumes the same call after a reload, at the same item, with the clock still running', async () => {
    const page = await browser.context.newPage();
    await page.goto(platform.url);
    let overlay = await OverlayFrame.on(page);
    await overlay.expand();
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => overlay.currentItem().innerText()).toContain('Their questions for us');
    const callClock = () => overlay.frame.locator('.time.total').innerText();
    const before = await callClock();
    await page.reload();
    overlay = await OverlayFrame.on(page);
    // Left open before the reload, so it comes back open, without a click and without taking focus.
    await overlay.frame.getByRole('region', { name: 'Ridealong' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await expect.poll(() => overlay.currentItem().innerText()).toContain('Their questions for us');
    const seconds = (text: string) => {
      const [minutes, secs] = /Call (\d+):(\d+)/.exec(text)!.slice(1).map(Number) as [number, number];
      return minutes * 60 + secs;
    };
    expect(seconds(await callClock())).toBeGreaterThanOrEqual(seconds(before));
    expect(await callsIn(platform.code)).toHaveLength(1);

    // Two questions ticked, then the last item: the ask cue appears, naming what is still open.
    expect(await overlay.text()).not.toContain('Ask now');
    await overlay.more();
    const questions = overlay.frame.getByRole('group', { name: 'Questions to cover' }).getByRole('checkbox');
    await questions.nth(0).check();
    await expect.poll(async () => (await callsIn(platform.code))[0]!.questionTicks.length).toBe(1);
    await questions.nth(1).check();
    await expect.poll(async () => (await callsIn(platform.code))[0]!.questionTicks.length).toBe(2);
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => overlay.text()).toContain('Ask now: Secure the next step');
    expect(await overlay.frame.locator('.still-open').innerText()).toMatch(/^Still open: /);
    await overlay.frame.getByRole('button', { name: 'End call' }).click();
    await overlay.frame.getByRole('region', { name: 'Linked to this meeting' }).waitFor();
    expect((await callsIn(platform.code))[0]!.endedAt).not.toBeNull();
    await page.close();
  });

  it('shows the manager the item’s part, the guardrails and the rescue line', async () => {
    const page = await browser.context.newPage();
    await page.goto(platform.url);
    const overlay = await startAs(page, 'manager', title);
    const text = await overlay.text();
    expect(text).toContain('Rep leads. Your part now: Set a warm climate, then hand back to the rep.');
    expect(text).toContain('Don’t raise: The reseller discount');
    expect(text).toContain('Step in only if: Security questions stall — signal: Sam asks “Dana?”');
    // The manager's transitions are stored as the manager's observations.
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await expect
      .poll(async () => (await callsIn(platform.code)).find((call) => call.role === 'manager')?.transitions[0]?.by)
      .toBe('manager');
    await overlay.frame.getByRole('button', { name: 'End call' }).click();
    await page.close();
  });

  it('stays clear of the meeting’s bottom bar and never takes focus by itself', async () => {
    const page = await browser.context.newPage();
    await page.goto(platform.url);
    const overlay = await OverlayFrame.on(page);
    await overlay.waitUntilSettled();
    const bar = (await page.locator(platform.bar).boundingBox())!;
    const collapsed = (await page.locator(OVERLAY_HOST).boundingBox())!;
    expect(collapsed.y + collapsed.height).toBeLessThan(bar.y);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await overlay.expand();
    await overlay.waitUntilSettled();
    const expanded = (await page.locator(OVERLAY_HOST).boundingBox())!;
    expect(expanded.y + expanded.height).toBeLessThan(bar.y);
    // With the call's clock ticking every second, the meeting's own control keeps the keyboard.
    const control = page.locator(platform.bar).getByRole('button').first();
    await control.focus();
    await page.waitForTimeout(2_500);
    expect(await control.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.close();
  });

  it('hides and shows with the keyboard command’s handler', async () => {
    const page = await browser.context.newPage();
    await page.goto(platform.url);
    await OverlayFrame.on(page);
    const host = page.locator(OVERLAY_HOST);
    await runCommand(browser, page, 'toggle-overlay');
    await expect.poll(() => host.isVisible()).toBe(false);
    await runCommand(browser, page, 'toggle-overlay');
    await expect.poll(() => host.isVisible()).toBe(true);
    await page.close();
  });
});

describe('two meeting tabs', () => {
  it('each have their own overlay and their own call', async () => {
    const [meet, zoom] = await Promise.all(PLATFORMS.map(() => browser.context.newPage()));
    await meet!.goto(PLATFORMS[0].url);
    await zoom!.goto(PLATFORMS[1].url);
    const meetOverlay = await startAs(meet!, 'rep', 'Stark Google Meet review');
    const zoomOverlay = await startAs(zoom!, 'manager', 'Stark Zoom review');
    await meetOverlay.frame.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => meetOverlay.currentItem().innerText()).toContain('Their questions for us');
    expect(await zoomOverlay.currentItem().innerText()).toContain('Open and agree the agenda');
    const running = ((await storedRecords(browser, 'calls')) as StoredCall[]).filter((call) => call.endedAt === null);
    expect(running.map((call) => [call.meeting.code, call.role]).sort()).toEqual([
      [PLATFORMS[1].code, 'manager'],
      [PLATFORMS[0].code, 'rep'],
    ]);
    for (const overlay of [meetOverlay, zoomOverlay])
      await overlay.frame.getByRole('button', { name: 'End call' }).click();
    await meet!.close();
    await zoom!.close();
  });
});

describe('after the call', () => {
  it('the popup offers to debrief the call that just ended', async () => {
    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: 'Debrief this call' }).waitFor();
    const [history] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.page.getByRole('button', { name: 'Debrief this call' }).click(),
    ]);
    await history.getByRole('heading', { level: 1, name: /Stark/ }).waitFor();
    await history.getByRole('heading', { name: '1. The rep first: so how did that feel?' }).waitFor();
    await history.close();
    await popup.page.close();
  });
});

describe('leaving the meeting', () => {
  it('by closing the tab ends the call where it was last seen, and the popup offers its debrief', async () => {
    const page = await browser.context.newPage();
    await page.goto(PLATFORMS[0].url);
    await startAs(page, 'rep', `Stark ${PLATFORMS[0].name} review`);
    const [started] = (await callsIn(PLATFORMS[0].code)).filter((call) => call.endedAt === null);
    expect(started).toBeDefined();
    await page.close();

    const popup = await PopupPage.open(browser);
    await popup.page.getByRole('button', { name: 'Debrief this call' }).waitFor();
    const endedCall = async () => (await callsIn(PLATFORMS[0].code)).find((call) => call.id === started!.id)!;
    await expect.poll(async () => (await endedCall()).endedAt, { message: 'the call stored as ended' }).not.toBeNull();
    const stored = await endedCall();
    expect(stored.endedAt).toBe((stored as StoredCall & { lastSeenAt: number }).lastSeenAt);
    await popup.page.close();
  });
});

describe('an extension reload mid-call', () => {
  it('leaves the page working and says the tab needs a reload, instead of a blank overlay', async () => {
    const page = await browser.context.newPage();
    await page.goto(PLATFORMS[0].url);
    await OverlayFrame.on(page);
    // The page keeps working, and the overlay's place says to reload the tab.
    await reloadExtensionUnder(browser, page);
    await page.close();
  });
});
