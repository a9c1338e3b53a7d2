// Team sync, end to end: a rep and a manager, two browsers, one CouchDB-protocol server on localhost (pouchdb-server,
// started here). A plan marked for the team reaches the manager's popup with no code; both run the call; the
// manager's notes reach the rep's debrief, folded until the rep answers; a wrong passphrase is refused; the server
// holds none of the words; and every request the extension makes goes to the configured server, and nowhere else.
//
// Chromium's prompt for an optional host permission can't be answered in headless Chromium, so these browsers load a
// copy of dist/ whose manifest already grants http://127.0.0.1 (distGrantingLocalServer): the settings' real
// permissions.request then resolves at once. The shipped manifest only lists the origins as optional (build.e2e.ts).
import { rmSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/lib/extension-browser.mjs';
import { distGrantingLocalServer, startPouchServer, type TestServer } from '../../scripts/lib/couch-server.mjs';
import { type ExtensionBrowser, startExtensionBrowser } from './extension-fixture';
import { DebriefPage } from './pages/debrief.mjs';
import { storedRecords } from './database';
import { debriefHash } from '../../src/ui/pages';
import { openMeeting } from './pages/overlay.mjs';
import { PopupPage } from './pages/popup.mjs';

// Playwright reports a service worker's own requests only with this set, before the browser starts.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const DATABASE = 'ridealong-acme';
const PASSPHRASE = 'correct horse battery staple, team Acme';
const MEETING = 'https://meet.google.com/tea-msyn-cxx';
const TITLE = 'Globex: expansion review';
const MANAGER_NOTE = 'Tom signalled budget is approved for Q3';
const ADMIN = 'Basic ' + Buffer.from('admin:secret').toString('base64');

let server: TestServer;
let variant: string;
let rep: ExtensionBrowser;
let manager: ExtensionBrowser;
const requests: { url: string; from: string }[] = [];

async function admin(method: string, path: string, body?: unknown, asAdmin = true) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(asAdmin ? { authorization: ADMIN } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json() as Promise<unknown>;
}

/** A browser with the pre-granting build, whose extension contexts' requests are all recorded. */
async function startBrowser(): Promise<ExtensionBrowser> {
  const browser = await startExtensionBrowser({ dist: variant });
  browser.context.on('request', (request: Request) => {
    const url = request.url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return;
    const worker = request.serviceWorker();
    let from = worker ? 'service worker' : '';
    if (!worker) {
      try {
        from = request.frame().url();
      } catch {
        from = '';
      }
    }
    if (from === 'service worker' || from.startsWith(`chrome-extension://${browser.extensionId}/`))
      requests.push({ url, from });
  });
  return browser;
}

/** Settings → Team sync, filled in as the person would, and turned on. */
async function turnOnSync(popup: Page, user: string, password: string, passphrase: string) {
  await popup.getByRole('button', { name: 'Settings' }).click();
  await popup.getByLabel('Server address').fill(server.url);
  await popup.getByLabel('Team database').fill(DATABASE);
  await popup.getByLabel('User name').fill(user);
  await popup.getByLabel('Password', { exact: true }).fill(password);
  await popup.getByLabel('Team passphrase').fill(passphrase);
  await popup.getByRole('button', { name: 'Turn on team sync' }).click();
}

/** Sync now, and wait for that round's status (its moment differs from the last round's, whatever it says). */
async function syncNow(popup: Page) {
  const status = popup.locator('.sync-status');
  const button = popup.getByRole('button', { name: 'Sync now' });
  // A round of its own may run first (the popup opening starts one): read the last round once it is over, or that
  // round's end would pass for this one's.
  await popup.locator('button:enabled', { hasText: 'Sync now' }).waitFor({ timeout: 15_000 });
  const before = (await status.count()) > 0 ? await status.getAttribute('data-round') : null;
  await button.click();
  await expect
    .poll(async () => (await status.count()) > 0 && (await status.getAttribute('data-round')) !== before, {
      timeout: 15_000,
      message: 'the Sync now round ended',
    })
    .toBe(true);
}

beforeAll(async () => {
  server = await startPouchServer();
  // As scripts/couchdb-team.mjs does on a real server: the database, the members' users, then an admin.
  await admin('PUT', `/${DATABASE}`, undefined, false);
  for (const name of ['sam', 'dana'])
    await admin(
      'PUT',
      `/_users/org.couchdb.user:${name}`,
      { name, password: `${name}-pw`, roles: [], type: 'user' },
      false,
    );
  await admin('PUT', '/_config/admins/admin', 'secret', false);
  await admin('PUT', `/${DATABASE}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: ['sam', 'dana'], roles: [] },
  });
  variant = distGrantingLocalServer(DIST);
  [rep, manager] = await Promise.all([startBrowser(), startBrowser()]);
}, 120_000);

afterAll(async () => {
  await Promise.all([rep?.close(), manager?.close()]);
  await server?.stop();
  if (variant) rmSync(variant, { recursive: true, force: true });
});

describe('team sync', () => {
  it('brings a plan marked for the team to the manager’s popup, with no code', async () => {
    const popup = await PopupPage.open(rep);
    await popup.createPlan({
      title: TITLE,
      meetingLink: MEETING,
      agenda: [
        ['Open', 5],
        ['Their plans', 15],
        ['Next step', 5],
      ],
    });
    await popup.page.getByRole('button', { name: `Edit ${TITLE}`, exact: true }).click();
    await popup.page.getByRole('checkbox', { name: /^Share with my team/ }).check();
    await popup.page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await popup.page.getByRole('button', { name: 'Done' }).click();
    await popup.page.getByText('shared with the team').waitFor();
    await turnOnSync(popup.page, 'sam', 'sam-pw', PASSPHRASE);
    await popup.page.getByText(/Synced: .* in, 4 changes out|Synced: .* out/).waitFor();

    const managerPopup = await PopupPage.open(manager);
    await turnOnSync(managerPopup.page, 'dana', 'dana-pw', PASSPHRASE);
    await managerPopup.page.getByText(/^✓ .*Synced: \d+ changes? in/).waitFor();
    await managerPopup.page.getByRole('button', { name: 'Done' }).click();
    await managerPopup.page.getByRole('button', { name: `Edit ${TITLE}`, exact: true }).waitFor();
    await managerPopup.page.getByText('shared with the team').waitFor();
  });

  it('refuses a wrong passphrase, and writes nothing', async () => {
    const third = await startBrowser();
    try {
      const popup = await PopupPage.open(third);
      const docsBefore = JSON.stringify(await admin('GET', `/${DATABASE}/_all_docs`));
      await turnOnSync(popup.page, 'dana', 'dana-pw', 'not the team passphrase');
      await popup.page
        .getByRole('alert')
        .filter({ hasText: 'This passphrase doesn’t match your team’s data.' })
        .waitFor();
      await popup.page.getByRole('button', { name: 'Turn on team sync' }).waitFor();
      expect(JSON.stringify(await admin('GET', `/${DATABASE}/_all_docs`))).toBe(docsBefore);
      await popup.page.getByRole('button', { name: 'Done' }).click();
      expect(await popup.page.getByRole('button', { name: `Edit ${TITLE}`, exact: true }).count()).toBe(0);
    } finally {
      await third.close();
    }
  });

  it('brings the manager’s notes into the rep’s debrief, folded until the rep answers', async () => {
    const { overlay: repOverlay } = await openMeeting(rep, MEETING);
    await repOverlay.chooseRole('rep');
    await repOverlay.startCall(TITLE);
    const { overlay: managerOverlay } = await openMeeting(manager, MEETING);
    await managerOverlay.chooseRole('manager');
    await managerOverlay.startCall(TITLE);
    await managerOverlay.logNote('1', MANAGER_NOTE);
    await managerOverlay.frame.getByText(MANAGER_NOTE).waitFor();
    await managerOverlay.endCall();
    await repOverlay.endCall();

    for (const browser of [manager, rep]) {
      const popup = await PopupPage.open(browser);
      await popup.page.getByRole('button', { name: 'Settings' }).click();
      await syncNow(popup.page);
      await popup.page.close();
    }

    // The rep's device now holds both records of the call: its own, and the manager's from the server.
    const calls = (await storedRecords(rep, 'calls')) as { id: string; role: string }[];
    expect(calls.map((call) => call.role).sort()).toEqual(['manager', 'rep']);
    const repCall = calls.find((call) => call.role === 'rep')!;
    const debrief = await DebriefPage.open(rep, debriefHash({ name: 'call', callId: repCall.id }));
    const page = debrief.page;
    await page.getByText('Through team sync').waitFor();
    await page.getByText('The manager’s notes open once you have answered “How did it feel?”').waitFor();
    expect(await debrief.showNotes('the manager’s').count()).toBe(0);
    expect((await page.locator('.phase-notes').allInnerTexts()).join(' ')).not.toContain(MANAGER_NOTE);
    await debrief.feeling().fill('Good, though I rushed the next step');
    await debrief.showNotes('the manager’s').click();
    await expect
      .poll(async () => (await page.locator('.phase-notes').allInnerTexts()).join(' '))
      .toContain(MANAGER_NOTE);
  });

  it('converges edits made offline on both sides, with nothing lost', async () => {
    type StoredPlan = { id: string; title: string; account: string; managerName: string; revision: number };
    // Offline: neither browser can reach the server (the service workers' requests too).
    for (const browser of [rep, manager]) await browser.context.route(`${server.url}/**`, (route) => route.abort());
    const edit = async (browser: ExtensionBrowser, label: string, value: string) => {
      const popup = await PopupPage.open(browser);
      await popup.page.getByRole('button', { name: `Edit ${TITLE}`, exact: true }).click();
      await popup.page.getByLabel(label, { exact: true }).fill(value);
      await popup.page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
      await popup.page.getByRole('button', { name: 'Done' }).click();
      // Done saves, then shows the list: closing before the list is back could cut the save.
      await popup.page.getByRole('button', { name: `Edit ${TITLE}`, exact: true }).waitFor();
      await popup.page.close();
    };
    await edit(rep, 'Account (customer company)', 'Globex Europe');
    await edit(manager, 'Manager', 'Dana Whitfield-Ortiz');

    for (const browser of [rep, manager]) await browser.context.unroute(`${server.url}/**`);
    for (const browser of [rep, manager, rep]) {
      const popup = await PopupPage.open(browser);
      await popup.page.getByRole('button', { name: 'Settings' }).click();
      await syncNow(popup.page);
      await popup.page.locator('.team-sync [role="status"]').first().waitFor();
      await popup.page.close();
    }
    const plansOf = async (browser: ExtensionBrowser) =>
      ((await storedRecords(browser, 'plans')) as StoredPlan[])
        .map(({ id, title, account, managerName, revision }) => ({ id, title, account, managerName, revision }))
        .sort((a, b) => a.id.localeCompare(b.id));
    const [here, there] = [await plansOf(rep), await plansOf(manager)];
    // The same records on both devices: the plan changed on both sides is the newer one plus a conflicting copy.
    expect(here).toEqual(there);
    expect(here.map((plan) => plan.account)).toContain('Globex Europe');
    expect(here.map((plan) => plan.managerName)).toContain('Dana Whitfield-Ortiz');
    expect(here.some((plan) => plan.title.endsWith('(conflicting copy)'))).toBe(true);
  });

  it('loses nothing when the server goes away in the middle of a push, and catches up once it is back', async () => {
    type StoredPlan = { id: string; title: string; account: string };
    const popup = await PopupPage.open(rep);
    await popup.page.getByRole('button', { name: `Edit ${TITLE}`, exact: true }).click();
    await popup.page.getByLabel('Account (customer company)', { exact: true }).fill('Globex Asia-Pacific');
    await popup.page.getByRole('status').filter({ hasText: '✓ Saved' }).waitFor();
    await popup.page.getByRole('button', { name: 'Done' }).click();
    // The round gets as far as the push: the session, the team document and the changes answer; the write never does.
    let refused = 0;
    await rep.context.route(`${server.url}/**`, (route) => {
      if (!route.request().url().includes('/_bulk_docs')) return route.continue();
      refused++;
      return route.abort('connectionreset');
    });
    await popup.page.getByRole('button', { name: 'Settings' }).click();
    await syncNow(popup.page);
    await popup.page
      .getByRole('alert')
      .filter({ hasText: /Can’t reach the server/ })
      .waitFor();
    expect(refused).toBeGreaterThan(0);
    // Nothing of the edit is lost here.
    const repPlans = (await storedRecords(rep, 'plans')) as StoredPlan[];
    expect(repPlans.map((plan) => plan.account)).toContain('Globex Asia-Pacific');

    await rep.context.unroute(`${server.url}/**`);
    await syncNow(popup.page);
    await popup.page
      .locator('.team-sync [role="status"]')
      .filter({ hasText: /Synced: .* [1-9]\d* changes? out/ })
      .waitFor();
    await popup.page.close();
    const managerPopup = await PopupPage.open(manager);
    await managerPopup.page.getByRole('button', { name: 'Settings' }).click();
    await syncNow(managerPopup.page);
    await managerPopup.page.close();
    const managerPlans = (await storedRecords(manager, 'plans')) as StoredPlan[];
    expect(managerPlans.map((plan) => plan.account)).toContain('Globex Asia-Pacific');
  });

  it('leaves the server only ids, revisions and ciphertext, and the extension talks to that server alone', async () => {
    const everything = JSON.stringify(await admin('GET', `/${DATABASE}/_all_docs?include_docs=true`));
    for (const words of [TITLE, 'Globex', MANAGER_NOTE, 'budget', 'Their plans', 'rushed'])
      expect(everything).not.toContain(words);
    const docs = (JSON.parse(everything) as { rows: { doc: Record<string, unknown> }[] }).rows.map((row) => row.doc);
    expect(docs.length).toBeGreaterThan(3);
    for (const doc of docs.filter((d) => d._id !== 'ridealong-team'))
      expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'ct', 'iv']);

    expect(requests.length).toBeGreaterThan(0);
    const elsewhere = requests.filter((request) => !request.url.startsWith(`${server.url}/`));
    expect(elsewhere).toEqual([]);
  });
});
