// The note outbox: a note waits in chrome.storage.local from the keypress until the worker has stored it. A reloaded
// overlay sends again exactly the notes of its call still waiting, oldest first, and never anything unreadable.
import { describe, expect, it } from 'vitest';
import { startCall } from '../../src/domain/call';
import { createNote, DEFAULT_NOTE_TAGS } from '../../src/domain/note';
import { DEVICE_SETTING_KEYS } from '../../src/platform/device-settings';
import { addPendingNote, loadPendingNotes, removePendingNote } from '../../src/platform/note-outbox';
import { fakeBrowser } from './fake-browser';
import { PLAN, T } from './fixtures';

const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;
const call = startCall(PLAN, 'manager', MEETING, T, 'call-1');
const other = startCall(PLAN, 'manager', MEETING, T, 'call-2');
const note = (id: string, at: number, text: string, on = call) =>
  createNote(on, { tag: DEFAULT_NOTE_TAGS[0]!, text, author: 'manager' }, T + at, id);

describe('the note outbox', () => {
  it('gives back a call’s waiting notes oldest first, whatever order they were added in', async () => {
    await addPendingNote(note('n-2', 20_000, 'second'));
    await addPendingNote(note('n-1', 10_000, 'first'));
    await addPendingNote(note('n-3', 30_000, 'of another call', other));
    expect((await loadPendingNotes('call-1')).map((pending) => pending.text)).toEqual(['first', 'second']);
    expect((await loadPendingNotes('call-2')).map((pending) => pending.text)).toEqual(['of another call']);
  });

  it('keeps one key per note, so a quick second note never overwrites the first, and an edit replaces its note', async () => {
    await Promise.all([addPendingNote(note('n-1', 1_000, 'one')), addPendingNote(note('n-2', 2_000, 'two'))]);
    await addPendingNote(note('n-1', 1_000, 'one, edited'));
    expect((await loadPendingNotes('call-1')).map((pending) => pending.text)).toEqual(['one, edited', 'two']);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual([
      `${DEVICE_SETTING_KEYS.pendingNotePrefix}n-1`,
      `${DEVICE_SETTING_KEYS.pendingNotePrefix}n-2`,
    ]);
  });

  it('forgets a note once it is stored, and leaves the others waiting', async () => {
    await addPendingNote(note('n-1', 1_000, 'one'));
    await addPendingNote(note('n-2', 2_000, 'two'));
    await removePendingNote('n-1');
    expect((await loadPendingNotes('call-1')).map((pending) => pending.id)).toEqual(['n-2']);
  });

  it('never sends a damaged entry, and ignores the device’s settings beside it', async () => {
    await addPendingNote(note('n-1', 1_000, 'kept'));
    await fakeBrowser.storage.local.set({
      [`${DEVICE_SETTING_KEYS.pendingNotePrefix}broken`]: { callId: 'call-1', text: 'no id, no time' },
      [DEVICE_SETTING_KEYS.defaultRole]: 'manager',
      [DEVICE_SETTING_KEYS.dismissedMeetings]: { 'meet:abc-defg-hij': T },
    });
    expect((await loadPendingNotes('call-1')).map((pending) => pending.text)).toEqual(['kept']);
  });
});
