import { describe, expect, it } from 'vitest';
import { startCall } from '../../src/domain/call';
import { createNote } from '../../src/domain/note';
import {
  withDeletedElsewhere,
  withLoaded,
  withNote,
  withStored,
  withStoredElsewhere,
  type ShownNotes,
} from '../../src/ui/call/shown-notes';
import { PLAN, T } from './fixtures';

const call = startCall(PLAN, 'rep', { platform: 'meet', code: 'abc-defg-hij' }, T, 'call-1');
const note = createNote(call, { tag: null, text: 'Budget is Q3', author: 'rep' }, T + 5_000, 'note-1');
const edited = { ...note, text: 'Budget is Q4' };
const none: ShownNotes = new Map();

describe('the notes a surface shows', () => {
  it('shows a version as saved only while it is still the one shown', () => {
    const pending = withNote(none, note, 'pending');
    expect(withStored(pending, note).get('note-1')).toEqual({ note, status: 'saved' });
    // An edit typed while the first version was on its way stays pending.
    const typedOn = withNote(pending, edited, 'pending');
    expect(withStored(typedOn, note)).toBe(typedOn);
    expect(withStored(none, note)).toBe(none);
  });

  it('merges loaded notes: what was taken here stays, a pending version wins, a deleted note stays deleted', () => {
    const saved = withNote(none, note, 'saved');
    expect(withLoaded(saved, [edited], 'pending', new Set()).get('note-1')).toEqual({
      note: edited,
      status: 'pending',
    });
    const pending = withNote(none, edited, 'pending');
    expect(withLoaded(pending, [note], 'saved', new Set()).get('note-1')?.note).toBe(edited);
    expect(withLoaded(none, [note], 'saved', new Set(['note-1'])).size).toBe(0);
  });

  it('takes what another surface stored or deleted, unless a version typed here is still on its way', () => {
    const pending = withNote(none, edited, 'pending');
    expect(withStoredElsewhere(pending, note)).toBe(pending);
    expect(withStoredElsewhere(pending, edited).get('note-1')?.status).toBe('saved');
    expect(withDeletedElsewhere(pending, 'note-1')).toBe(pending);
    expect(withDeletedElsewhere(withNote(none, note, 'saved'), 'note-1').size).toBe(0);
  });
});
