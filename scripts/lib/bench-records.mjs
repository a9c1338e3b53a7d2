// @ts-check
// Records for `npm run bench`, written straight into the extension's IndexedDB from one of its own pages: many plans
// for the popup, a long call for the debrief, the worst call an import accepts.

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

/** Writes records straight into IndexedDB in their stored shapes; going through the UI would take minutes. */
export async function seedRecords(
  /** @type {BrowserContext} */ context,
  /** @type {string} */ extensionId,
  /** @type {string} */ kind,
  /** @type {number} */ count,
) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/debrief/debrief.html`);
  const result = await page.evaluate(
    async ({ kind, count }) => {
      const db = /** @type {IDBDatabase} */ (
        await new Promise((resolve, reject) => {
          const request = indexedDB.open('ridealong');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        })
      );
      const calls = /** @type {any[]} */ (
        await new Promise((resolve) => {
          const read = db.transaction('calls').objectStore('calls').getAll();
          read.onsuccess = () => resolve(read.result);
        })
      );
      const plans = /** @type {any[]} */ (
        await new Promise((resolve) => {
          const read = db.transaction('plans').objectStore('plans').getAll();
          read.onsuccess = () => resolve(read.result);
        })
      );
      const transaction = db.transaction(['calls', 'notePages', 'plans'], 'readwrite');
      let id = '';
      if (kind === 'notes' || kind === 'worst') {
        // 'worst': the worst call an import can bring, at every limit: 2,000 agenda moves and 10,000 notes over
        // eight hours (MAX_TRANSITIONS and MAX_NOTES_PER_CALL in src/domain/call.ts and note.ts).
        const worst = kind === 'worst';
        const lengthMs = (worst ? 8 * 60 : 45) * 60_000;
        const call = calls.sort((a, b) => b.startedAt - a.startedAt)[0];
        const items = call.planSnapshot.agenda.length;
        const transitions = worst
          ? Array.from({ length: 2000 }, (_, index) => ({
              at: call.startedAt + Math.floor(((index + 1) / 2001) * lengthMs),
              toItemIndex: (index + 1) % items,
              by: index % 2 === 0 ? 'rep' : 'manager',
            }))
          : call.transitions;
        const benchCall = {
          ...call,
          id: `bench-${kind}-${count}`,
          transitions,
          endedAt: call.startedAt + lengthMs,
          lastSeenAt: call.startedAt + lengthMs,
          role: 'rep',
        };
        id = benchCall.id;
        transaction.objectStore('calls').put(benchCall);
        const notes = Array.from({ length: count }, (_, index) => {
          const at = benchCall.startedAt + Math.floor((index / count) * lengthMs);
          return {
            schemaVersion: 1,
            id: `${benchCall.id}-${String(index).padStart(6, '0')}`,
            callId: benchCall.id,
            at,
            offsetMs: at - benchCall.startedAt,
            itemIndex: 0,
            tag: index % 3 === 0 ? 'Great question' : null,
            text: `bench note ${index}`,
            // The rep's own notes: the manager's stay folded until the rep has answered "How did it feel?".
            author: 'rep',
            stepIn: false,
          };
        });
        // In pages of 100, as src/storage/note-pages.ts stores them (notes are already in time order).
        for (let start = 0; start < notes.length; start += 100) {
          const page = notes.slice(start, start + 100);
          transaction.objectStore('notePages').put({
            id: `${benchCall.id}#${String(start / 100).padStart(5, '0')}`,
            callId: benchCall.id,
            notes: page,
          });
        }
      } else {
        const plan = plans[0];
        for (let index = 0; index < count; index++) {
          transaction.objectStore('plans').put({
            ...plan,
            id: `bench-plan-${index}`,
            title: `Bench account ${index}: review`,
            account: `Bench account ${index}`,
            scheduledStart: plan.scheduledStart + (index - count / 2) * 3_600_000,
          });
        }
      }
      await new Promise((resolve, reject) => {
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
      return id;
    },
    { kind, count },
  );
  await page.close();
  return result;
}
