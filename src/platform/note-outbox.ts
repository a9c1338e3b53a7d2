// Notes taken but not yet acknowledged as stored. The overlay frame can't use IndexedDB (it is a third-party frame
// inside the meeting site), so a note waits here, in the extension's own chrome.storage.local, from the keypress until
// the service worker confirms a strict-durability commit. A reloaded overlay finds it here and sends it again.
// One key per note: each add and remove is a single atomic write, so quick notes never overwrite each other.
import * as v from 'valibot';
import { NoteSchema, type Note } from '../domain/note';
import { browser } from './browser';
import { DEVICE_SETTING_KEYS } from './device-settings';

const PREFIX = DEVICE_SETTING_KEYS.pendingNotePrefix;

export async function addPendingNote(note: Note): Promise<void> {
  await browser.storage.local.set({ [PREFIX + note.id]: note });
}

export async function removePendingNote(id: string): Promise<void> {
  await browser.storage.local.remove(PREFIX + id);
}

/** The call's notes still waiting for storage, oldest first. Anything unreadable is dropped, never sent. */
export async function loadPendingNotes(callId: string): Promise<Note[]> {
  const everything = await browser.storage.local.get(null);
  return Object.entries(everything)
    .filter(([key]) => key.startsWith(PREFIX))
    .flatMap(([, value]) => {
      const parsed = v.safeParse(NoteSchema, value);
      return parsed.success && parsed.output.callId === callId ? [parsed.output] : [];
    })
    .sort((a, b) => a.at - b.at);
}
