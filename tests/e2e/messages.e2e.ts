// Who may ask the service worker for plans and notes. Only Ridealong's own pages (the overlay frame) may. The
// meeting page's script has no way to message us at all, and a content-script context, which runs inside the
// meeting page, is refused: it shares the page's process, so a compromised page must not reach our data through it.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, startExtensionBrowserWithPlans } from './extension-fixture';
import { storedRecords } from './database';
import { openMeeting } from './pages/overlay.mjs';

const MEETING = 'https://meet.google.com/msg-gate-way';
const TITLE = 'Globex: gatekeeping';
let browser: ExtensionBrowser;
let page: Page;
let callId = '';

beforeAll(async () => {
  browser = await startExtensionBrowserWithPlans([
    {
      title: TITLE,
      meetingLink: MEETING,
      agenda: [
        ['Open', 5],
        ['Next step', 5],
      ],
    },
  ]);
  const opened = await openMeeting(browser, MEETING);
  page = opened.page;
  await opened.overlay.frame.getByRole('radio', { name: 'the manager' }).check();
  await opened.overlay.startCall(TITLE);
  await opened.overlay.frame.getByRole('region', { name: 'Notes' }).focus();
  await page.keyboard.press('3');
  await page.keyboard.type('a note the page must never get');
  await page.keyboard.press('Enter');
  await opened.overlay.frame.locator('.note-status.saved').first().waitFor();
  callId = ((await storedRecords(browser, 'calls')) as { id: string }[])[0]!.id;
});

afterAll(() => browser?.close());

/** The execution context of our content script in the meeting tab: an isolated world with the extension's origin. */
async function contentScriptWorld(cdp: CDPSession): Promise<number> {
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  await expect
    .poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.origin.includes(browser.extensionId)))
    .toBe(true);
  return contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(browser.extensionId))!.id;
}

describe('the service worker', () => {
  it('refuses every request from a content-script context, and sends it nothing', async () => {
    const cdp = await browser.context.newCDPSession(page);
    const world = await contentScriptWorld(cdp);
    const ask = async (request: object) => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: world,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(request)})`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.value as { ok: boolean; error?: string; value?: unknown };
    };
    for (const request of [
      { type: 'notes/list', callId },
      { type: 'meeting/state', meeting: { platform: 'meet', code: 'msg-gate-way' } },
      { type: 'plans/search', query: '' },
      { type: 'call/end', callId },
      { type: 'notes/delete', callId: 'any-call', noteId: 'anything' },
    ]) {
      const reply = await ask(request);
      expect(reply, JSON.stringify(request)).toEqual({
        ok: false,
        error: 'Refused: only Ridealong’s own pages may ask for this.',
      });
      expect(JSON.stringify(reply)).not.toContain('never get');
    }
    // Nothing changed: the call still runs, the note is still there.
    const [call] = (await storedRecords(browser, 'calls')) as { endedAt: number | null }[];
    expect(call!.endedAt).toBeNull();
    expect(await storedRecords(browser, 'notes')).toHaveLength(1);
    await cdp.detach();
  });

  it('keeps chrome.storage closed to a content-script context, where a pending note could wait', async () => {
    const cdp = await browser.context.newCDPSession(page);
    const world = await contentScriptWorld(cdp);
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: world,
      expression: `(async () => {
        const outcome = [];
        try { outcome.push('read ' + JSON.stringify(await chrome.storage.local.get(null))); }
        catch (error) { outcome.push('read refused'); }
        try { await chrome.storage.local.set({ 'ridealong.pendingNote.planted': { text: 'planted' } }); outcome.push('wrote'); }
        catch (error) { outcome.push('write refused'); }
        return outcome.join(', ');
      })()`,
      awaitPromise: true,
      returnByValue: true,
    });
    expect(result.value).toBe('read refused, write refused');
    await cdp.detach();
  });

  it('cannot be reached from the meeting page’s own script at all', async () => {
    const reach = await page.evaluate((extensionId) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no messaging API';
      try {
        (runtime.sendMessage as (id: string, message: object) => void)(extensionId, {
          type: 'plans/search',
          query: '',
        });
        return 'sent';
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    }, browser.extensionId);
    // No externally_connectable: the page either has no API, or the browser refuses to connect it to us.
    expect(reach).not.toBe('sent');
  });

  it('answers the overlay, its own page, so the refusals above are not refusing everything', async () => {
    const overlay = page.frames().find((frame) => frame.url().includes(browser.extensionId))!;
    const reply = await overlay.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'notes/list', callId: id }),
      callId,
    );
    expect(reply).toMatchObject({ ok: true, value: [{ text: 'a note the page must never get' }] });
  });
});
