// The notes a surface shows, by id, and how each thing that happens to a note changes them. Pure: every function
// returns the map it was given when nothing changes, so nothing re-renders for it.
import type { Note } from '../../domain/note';

export interface ShownNote {
  note: Note;
  /** 'saved' only once storage acknowledged a strict-durability commit of this version. */
  status: 'pending' | 'saved';
}

export type ShownNotes = Map<string, ShownNote>;

/** The same version of a note: every field equal. */
export const sameVersion = (a: Note, b: Note) => JSON.stringify(a) === JSON.stringify(b);

export function withNote(current: ShownNotes, note: Note, status: ShownNote['status']): ShownNotes {
  return new Map(current).set(note.id, { note, status });
}

export function withoutNote(current: ShownNotes, noteId: string): ShownNotes {
  const next = new Map(current);
  next.delete(noteId);
  return next;
}

/** Storage stored `stored`: saved, if it is still the version shown (a newer one typed meanwhile stays pending). */
export function withStored(current: ShownNotes, stored: Note): ShownNotes {
  const shown = current.get(stored.id);
  if (!shown || !sameVersion(shown.note, stored)) return current;
  return withNote(current, stored, 'saved');
}

/** Notes loaded (from the outbox, or storage): notes taken meanwhile stay, and a pending version wins over a stored one. */
export function withLoaded(
  current: ShownNotes,
  loaded: Note[],
  status: ShownNote['status'],
  deletedIds: Set<string>,
): ShownNotes {
  const next = new Map(current);
  for (const note of loaded) {
    const shown = next.get(note.id);
    if (deletedIds.has(note.id)) continue;
    if (!shown || (status === 'pending' && shown.status === 'saved')) next.set(note.id, { note, status });
  }
  return next;
}

/** Another surface stored a note; a version typed here and not stored yet is newer than that. */
export function withStoredElsewhere(current: ShownNotes, stored: Note): ShownNotes {
  const shown = current.get(stored.id);
  if (shown?.status === 'pending' && !sameVersion(shown.note, stored)) return current;
  return withNote(current, stored, 'saved');
}

/** Another surface deleted a note; one pending here is an undo on its way, which stores it again. */
export function withDeletedElsewhere(current: ShownNotes, noteId: string): ShownNotes {
  const shown = current.get(noteId);
  if (!shown || shown.status === 'pending') return current;
  return withoutNote(current, noteId);
}
