// The meeting page can't see what Ridealong shows, and can't stop it from showing: the overlay is a cross-origin
// frame in a closed shadow root, it works under Meet's kind of CSP, and our data is not in the page's origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_CSP_MEETING_PATH } from '../../scripts/lib/extension-browser.mjs';
import { type ExtensionBrowser, startExtensionBrowserWithPlans } from './extension-fixture';
import { openMeeting, OVERLAY_HOST, OverlayFrame } from './pages/overlay.mjs';

const SECRET_TITLE = 'Initech renewal: do not mention the price rise';
const SECRET_ITEM = 'Budget owner is Lumbergh, not Milton';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowserWithPlans([
    {
      title: SECRET_TITLE,
      meetingLink: 'https://meet.google.com/abc-defg-hij',
      agenda: [
        ['Open', 5],
        [SECRET_ITEM, 10],
      ],
    },
    {
      title: 'Strict CSP call',
      meetingLink: `https://meet.google.com${STRICT_CSP_MEETING_PATH}`,
      agenda: [
        ['Open', 5],
        ['Close', 5],
      ],
    },
  ]);
});

afterAll(() => browser?.close());

describe('the meeting page', () => {
  it('cannot read the plan anywhere in its own DOM, frames or storage', async () => {
    const { page, overlay } = await openMeeting(browser, 'https://meet.google.com/abc-defg-hij');
    await overlay.startCall(SECRET_TITLE);
    // The plan is on screen for the user: otherwise this test would prove nothing.
    expect(await overlay.text()).toContain(SECRET_TITLE);
    expect(await overlay.text()).toContain(SECRET_ITEM);

    // Everything below runs as the meeting page's own script, in its main world.
    const seenByPage = await page.evaluate(
      async ({ extensionId }) => {
        const openShadowHtml: string[] = [];
        // Every open shadow root, nested ones included: a root inside a root is as readable to the page.
        const visit = (root: Document | ShadowRoot) => {
          for (const element of root.querySelectorAll('*')) {
            if (!element.shadowRoot) continue;
            openShadowHtml.push(element.shadowRoot.innerHTML);
            visit(element.shadowRoot);
          }
        };
        visit(document);
        const host = document.querySelector('[data-ridealong]');
        const frameDocuments = [...Array(window.frames.length).keys()].map((index) => {
          try {
            return window.frames[index]!.document.documentElement.outerHTML;
          } catch (error) {
            return `blocked: ${(error as Error).name}`;
          }
        });
        let staticUrlFetch = 'not tried';
        try {
          await fetch(`chrome-extension://${extensionId}/src/overlay/overlay.html`);
          staticUrlFetch = 'read';
        } catch {
          staticUrlFetch = 'failed';
        }
        return {
          outerHtml: document.documentElement.outerHTML,
          innerText: document.body.innerText,
          openShadowHtml,
          hostFound: host !== null,
          hostShadowRoot: host?.shadowRoot ?? null,
          frameDocuments,
          databases: (await indexedDB.databases()).map((database) => database.name),
          localStorageKeys: Object.keys(localStorage),
          staticUrlFetch,
        };
      },
      { extensionId: browser.extensionId },
    );
    for (const secret of [SECRET_TITLE, SECRET_ITEM, 'Initech', 'Lumbergh']) {
      expect(seenByPage.outerHtml).not.toContain(secret);
      expect(seenByPage.innerText).not.toContain(secret);
      for (const html of seenByPage.openShadowHtml) expect(html).not.toContain(secret);
    }
    expect(seenByPage.hostFound).toBe(true);
    expect(seenByPage.hostShadowRoot).toBeNull();
    // A frame inside a shadow tree is not in window.frames, so the page can't even get a handle on it.
    expect(seenByPage.frameDocuments).toEqual([]);
    expect(seenByPage.databases).not.toContain('ridealong');
    expect(seenByPage.localStorageKeys).toEqual([]);
    expect(seenByPage.staticUrlFetch).toBe('failed');
    await page.close();
  });

  it('with a strict CSP, Trusted Types and hostile CSS still gets a working overlay', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`https://meet.google.com${STRICT_CSP_MEETING_PATH}`);
    expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
    // The fixture checks from inside that the page really runs under Trusted Types.
    await expect.poll(() => page.locator('#tt-status').innerText()).toBe('Trusted Types: enforced');

    const overlay = await OverlayFrame.on(page);
    // Still fixed at the top right, full size, despite the page's `* { position: static !important }`.
    const box = await page.locator(OVERLAY_HOST).boundingBox();
    const viewport = page.viewportSize()!;
    expect(box && box.width > 100 && box.height > 30).toBe(true);
    expect(box!.y).toBeLessThan(40);
    expect(box!.x + box!.width).toBeGreaterThan(viewport.width - 40);
    await overlay.expand();
    await overlay.startCall('Strict CSP call');
    await overlay.frame.getByRole('button', { name: 'Next item' }).click();
    await expect.poll(() => overlay.currentItem().innerText()).toContain('Close');
    await page.close();
  });
});
