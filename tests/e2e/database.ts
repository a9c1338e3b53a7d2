// The extension's IndexedDB as the tests see it: read straight from one of the extension's own pages, or held open so
// writes to it wait. What the database holds, not what a page shows.
import type { ExtensionBrowser } from './extension-fixture';
import { extensionUrl } from '../../scripts/lib/extension-browser.mjs';

/**
 * Every record of one store, read straight from the extension's IndexedDB, as the database holds it. `notes` are
 * every note of every call's note pages (a call's notes are stored in pages, see src/storage/note-pages.ts).
 */
export async function storedRecords(
  browser: ExtensionBrowser,
  store: 'plans' | 'calls' | 'notes' | 'debriefs',
): Promise<unknown[]> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser.extensionId, 'src/debrief/debrief.html'));
  const records = await page.evaluate(
    (storeName) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('ridealong');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const paged = storeName === 'notes';
          const name = paged ? 'notePages' : storeName;
          const read = request.result.transaction(name).objectStore(name).getAll();
          read.onsuccess = () => {
            request.result.close();
            resolve(paged ? read.result.flatMap((page: { notes: unknown[] }) => page.notes) : read.result);
          };
        };
      }),
    store,
  );
  await page.close();
  return records;
}

/**
 * Keeps a read-write transaction open on one store from an extension page, so every other write to that store
 * waits behind it: a note sent now stays visibly pending until `release`. Reads of the store wait too.
 */
export async function holdStore(browser: ExtensionBrowser, store: 'notes' | 'calls'): Promise<() => Promise<void>> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser.extensionId, 'src/popup/popup.html?view=tab'));
  await page.evaluate(
    (storeName) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('ridealong');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const name = storeName === 'notes' ? 'notePages' : storeName;
          const objectStore = request.result.transaction(name, 'readwrite').objectStore(name);
          const holder = globalThis as { ridealongHold?: boolean };
          holder.ridealongHold = true;
          // A transaction stays open while it has requests: one more each time the last one ends.
          const spin = () => {
            if (holder.ridealongHold) objectStore.count().onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
    store,
  );
  return async () => {
    await page.evaluate(() => {
      (globalThis as { ridealongHold?: boolean }).ridealongHold = false;
    });
    await page.close();
  };
}

export function storedPlans(browser: ExtensionBrowser): Promise<unknown[]> {
  return storedRecords(browser, 'plans');
}
