// The overlay appears on meeting tabs, and only there: Meet and Zoom URLs, Meet's single-page navigation, and Zoom's
// web app running the meeting in iframe#webclient. The content script never polls the URL: it hears the page's own
// history calls through the Navigation API and popstate, and watches iframe#webclient on Zoom's home, so every way a
// page can change what it shows without a reload has a test here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, startExtensionBrowserWithPlans } from './extension-fixture';
import { openMeeting, OVERLAY_HOST, OverlayFrame, overlayFrames, waitForNoOverlay } from './pages/overlay.mjs';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowserWithPlans([
    {
      title: 'Acme Meet review',
      meetingLink: 'https://meet.google.com/abc-defg-hij',
      agenda: [
        ['Open and agree the agenda', 5],
        ['Walk through the proposal', 20],
      ],
    },
    {
      title: 'Globex Zoom kickoff',
      meetingLink: 'https://app.zoom.us/wc/84512345678/join',
      agenda: [
        ['Introductions', 5],
        ['Discovery questions', 25],
      ],
    },
  ]);
});

afterAll(() => browser?.close());

describe('a plan created in the popup', () => {
  it('appears in the overlay on its Google Meet meeting', async () => {
    const { page, overlay } = await openMeeting(browser, 'https://meet.google.com/abc-defg-hij?authuser=1');
    const linked = overlay.section('Linked to this meeting');
    await expect.poll(() => linked.innerText()).toContain('Acme Meet review');
    expect(await linked.innerText()).toContain('Walk through the proposal');
    expect(await linked.innerText()).not.toContain('Globex Zoom kickoff');
    await page.close();
  });

  it('appears in the overlay on its Zoom web-client meeting', async () => {
    const { page, overlay } = await openMeeting(browser, 'https://app.zoom.us/wc/84512345678/join');
    const linked = overlay.section('Linked to this meeting');
    await expect.poll(() => linked.innerText()).toContain('Globex Zoom kickoff');
    expect(await linked.innerText()).toContain('Discovery questions');
    expect(await linked.innerText()).not.toContain('Acme Meet review');
    await page.close();
  });
});

describe('Meet as a single-page app', () => {
  it('shows no overlay on the landing page, shows it after pushState to a meeting, and removes it on leaving', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/landing');
    // The content script mounts on its first run, at load: a wrongly mounted overlay would be there well before this.
    await page.waitForTimeout(1_200);
    expect(overlayFrames(page)).toHaveLength(0);

    // The landing page's own button joins with history.pushState, as Meet does: no reload.
    await page.getByRole('button', { name: 'Join abc-defg-hij' }).click();
    expect(page.url()).toBe('https://meet.google.com/abc-defg-hij');
    const overlay = await OverlayFrame.on(page);
    expect(overlay.frame.url()).toContain('code=abc-defg-hij');
    await overlay.expand();
    await expect.poll(() => overlay.text()).toContain('Acme Meet review');

    await page.evaluate(() => history.pushState({}, '', '/landing'));
    await waitForNoOverlay(page);
    expect(await page.locator(OVERLAY_HOST).count()).toBe(0);
    await page.close();
  });

  it('follows a move from one meeting to another', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/abc-defg-hij');
    await OverlayFrame.on(page);
    await page.evaluate(() => history.pushState({}, '', '/xyz-wxyz-xyz'));
    await expect
      .poll(() => overlayFrames(page).map((frame) => new URL(frame.url()).searchParams.get('code')))
      .toEqual(['xyz-wxyz-xyz']);
    await page.close();
  });

  it('follows history.replaceState to another meeting and away from meetings', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/abc-defg-hij');
    await OverlayFrame.on(page);
    await page.evaluate(() => history.replaceState({}, '', '/xyz-wxyz-xyz'));
    await expect
      .poll(() => overlayFrames(page).map((frame) => new URL(frame.url()).searchParams.get('code')))
      .toEqual(['xyz-wxyz-xyz']);
    await page.evaluate(() => history.replaceState({}, '', '/landing'));
    await waitForNoOverlay(page);
    expect(await page.locator(OVERLAY_HOST).count()).toBe(0);
    await page.close();
  });

  it('follows history.back() out of a meeting and history.forward() into it again', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/landing');
    await page.getByRole('button', { name: 'Join abc-defg-hij' }).click();
    await OverlayFrame.on(page);

    await page.evaluate(() => history.back());
    await expect.poll(() => page.url()).toBe('https://meet.google.com/landing');
    await waitForNoOverlay(page);

    await page.evaluate(() => history.forward());
    await expect.poll(() => page.url()).toBe('https://meet.google.com/abc-defg-hij');
    const overlay = await OverlayFrame.on(page);
    expect(overlay.frame.url()).toContain('code=abc-defg-hij');
    await page.close();
  });
});

describe('Zoom’s web app', () => {
  it('shows exactly one overlay, in the top frame, when the meeting runs in iframe#webclient', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://app.zoom.us/wc/home');
    await page.frameLocator('iframe#webclient').locator('footer#wc-footer').waitFor();
    const overlay = await OverlayFrame.on(page);
    await page.waitForTimeout(1_200);
    expect(overlayFrames(page)).toHaveLength(1);
    expect(overlay.frame.parentFrame()).toBe(page.mainFrame());
    expect(overlay.frame.url()).toContain('code=84512345678');
    await overlay.expand();
    await expect.poll(() => overlay.text()).toContain('Globex Zoom kickoff');
    await page.close();
  });

  it('picks up iframe#webclient when it appears after load, follows its src, and leaves when it goes', async () => {
    const page = await browser.context.newPage();
    // Home before joining: Zoom's web app adds the meeting frame only when the person joins, with no navigation.
    await page.route('https://app.zoom.us/wc/home', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>Zoom Workplace</title><nav>Zoom Workplace · Home · Meetings</nav><main></main>',
      }),
    );
    await page.goto('https://app.zoom.us/wc/home');
    await page.waitForLoadState('load');
    expect(overlayFrames(page)).toHaveLength(0);

    await page.evaluate(() => {
      const webclient = document.createElement('iframe');
      webclient.id = 'webclient';
      webclient.src = '/wc/84512345678/join';
      document.querySelector('main')!.append(webclient);
    });
    await page.frameLocator('iframe#webclient').locator('footer#wc-footer').waitFor();
    const overlay = await OverlayFrame.on(page);
    expect(overlayFrames(page)).toHaveLength(1);
    expect(overlay.frame.parentFrame()).toBe(page.mainFrame());
    expect(overlay.frame.url()).toContain('code=84512345678');

    // The web app moves the same frame to another meeting.
    await page.evaluate(() => document.querySelector('iframe#webclient')!.setAttribute('src', '/wc/83456789012/join'));
    await expect
      .poll(() => overlayFrames(page).map((frame) => new URL(frame.url()).searchParams.get('code')))
      .toEqual(['83456789012']);

    // Leaving the meeting takes the frame away, and the overlay with it.
    await page.evaluate(() => document.querySelector('iframe#webclient')!.remove());
    await waitForNoOverlay(page);
    await page.close();
  });
});

describe('the overlay by keyboard', () => {
  it('opens with Enter, runs the call with Tab and Enter, and closes with Escape, keeping focus on its toggle', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/abc-defg-hij');
    const overlay = await OverlayFrame.on(page);
    const pill = overlay.frame.getByRole('button', { name: /^Open Ridealong/ });
    const collapse = overlay.frame.getByRole('button', { name: 'Hide Ridealong' });
    // An earlier test left this meeting's overlay open, and it comes back open once loaded: close it to begin from
    // the pill. The pill shown while loading may still turn into the open overlay, so wait for the loaded one.
    const loadedPill = overlay.frame.getByRole('button', { name: /^Open Ridealong: (?!Loading)/ });
    await loadedPill.or(collapse).waitFor();
    if (await collapse.isVisible()) await collapse.click();
    await pill.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => collapse.evaluate((element) => element === document.activeElement)).toBe(true);

    const start = overlay.frame.getByRole('button', { name: 'Start call: Acme Meet review' });
    await start.focus();
    await page.keyboard.press('Enter');
    const next = overlay.frame.getByRole('button', { name: 'Next item' });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => overlay.currentItem().innerText()).toContain('Walk through the proposal');

    await page.keyboard.press('Escape');
    await expect.poll(() => pill.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await pill.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('moves with the arrow keys on its handle, and comes back where it was left after a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://meet.google.com/abc-defg-hij');
    let overlay = await OverlayFrame.on(page);
    await overlay.expand();
    const host = page.locator(OVERLAY_HOST);
    const before = (await host.boundingBox())!;
    const handle = overlay.frame.getByRole('button', { name: /^Move the overlay/ });
    for (let step = 0; step < 3; step++) await handle.press('ArrowLeft');
    await expect.poll(async () => (await host.boundingBox())!.x).toBe(before.x - 3 * 24);
    const moved = (await host.boundingBox())!;

    await page.reload();
    overlay = await OverlayFrame.on(page);
    await overlay.expand();
    // The frame stored the position (the content script has no storage) and handed it back to the new overlay.
    await expect.poll(async () => JSON.stringify(await host.boundingBox())).toBe(JSON.stringify(moved));
    await page.close();
  });
});
