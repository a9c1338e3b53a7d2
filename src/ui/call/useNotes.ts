import { useEffect, useRef, useState } from 'preact/hooks';
import type { Call } from '../../domain/call';
import { createNote, isEmptyNote, type Note, type NoteTag } from '../../domain/note';
import { addPendingNote, loadPendingNotes, removePendingNote } from '../../platform/note-outbox';
import { requestFromServiceWorker } from '../../platform/request';
import { listenForChanges } from '../../platform/changes';
import {
  sameVersion,
  withDeletedElsewhere,
  withLoaded,
  withNote,
  withoutNote,
  withStored,
  withStoredElsewhere,
  type ShownNote,
  type ShownNotes,
} from './shown-notes';

export type { ShownNote } from './shown-notes';

const RETRY_EVERY_MS = 1500;

/**
 * The call's notes: stored ones from the service worker, and ones still on their way. A note goes to the outbox
 * before anything else, so a reloaded overlay or a stopped service worker loses nothing; it is retried until stored,
 * and because it keeps its id, a retry never stores it twice.
 */
export function useNotes(call: Call | null) {
  const [notes, setNotes] = useState<ShownNotes>(new Map());
  const [deleted, setDeleted] = useState<Note | null>(null);
  /** False until the call's stored notes arrived: until then the list shows only what was taken here. */
  const [storedLoaded, setStoredLoaded] = useState(false);
  const inFlight = useRef(new Set<string>());
  /** Notes deleted while a save of theirs may still be on its way: that save is undone when it lands. */
  const deletedIds = useRef(new Set<string>());
  /** Deletes the worker hasn't confirmed yet (it was stopping): sent again with the pending notes. */
  const unconfirmedDeletes = useRef(new Set<string>());
  const callId = call?.id ?? null;

  const put = (note: Note, status: ShownNote['status']) => setNotes((current) => withNote(current, note, status));

  const send = async (note: Note) => {
    if (inFlight.current.has(note.id)) return;
    inFlight.current.add(note.id);
    try {
      const stored = await requestFromServiceWorker({ type: 'notes/save', note });
      // The outbox holds one version per note. An edit typed while this version was on its way replaced it there:
      // that newer version stays in the outbox until it is stored in turn.
      const shown = notesRef.current.get(note.id)?.note;
      if (!shown || deletedIds.current.has(note.id) || sameVersion(shown, stored)) {
        await removePendingNote(note.id);
      }
      if (deletedIds.current.has(note.id)) {
        await requestFromServiceWorker({ type: 'notes/delete', callId: note.callId, noteId: note.id });
        return;
      }
      // A newer version typed meanwhile stays pending; only the version that was stored is shown as saved.
      setNotes((current) => withStored(current, stored));
    } catch {
      // Stays pending in the outbox; the retry loop sends it again.
    } finally {
      inFlight.current.delete(note.id);
    }
  };

  const sendDelete = async (noteId: string) => {
    if (!callId) return;
    try {
      await requestFromServiceWorker({ type: 'notes/delete', callId, noteId });
      unconfirmedDeletes.current.delete(noteId);
      // Undone while the delete was on its way: the delete may have landed after the note was saved again, so the
      // note is saved once more, from the outbox like any other.
      const undone = !deletedIds.current.has(noteId) ? notesRef.current.get(noteId)?.note : undefined;
      if (undone) await keep(undone);
    } catch {
      // Tried again by the retry loop. If the overlay closes first, the note is still stored: nothing is lost.
      if (deletedIds.current.has(noteId)) unconfirmedDeletes.current.add(noteId);
    }
  };

  const keep = async (note: Note) => {
    put(note, 'pending');
    await addPendingNote(note);
    await send(note);
  };

  /** Merges loaded notes in. Notes taken meanwhile stay, and a pending version always wins over a stored one. */
  const merge = (loaded: Note[], status: ShownNote['status']) =>
    setNotes((current) => withLoaded(current, loaded, status, deletedIds.current));

  useNotesOfCall(callId, {
    reset: () => {
      setNotes(new Map());
      setStoredLoaded(false);
    },
    pending: (pending) => {
      merge(pending, 'pending');
      for (const note of pending) void send(note);
    },
    stored: (stored) => {
      merge(stored, 'saved');
      setStoredLoaded(true);
    },
  });
  useNoteChangesElsewhere(callId, deletedIds.current, setNotes);

  // Anything still pending is sent again until storage takes it.
  useEffect(() => {
    const timer = setInterval(() => {
      for (const shown of notesRef.current.values()) if (shown.status === 'pending') void send(shown.note);
      for (const noteId of unconfirmedDeletes.current) void sendDelete(noteId);
    }, RETRY_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  const notesRef = useRef(notes);
  notesRef.current = notes;

  const ordered = [...notes.values()].sort((a, b) => a.note.at - b.note.at);

  return {
    notes: ordered,
    storedLoaded,
    log(input: { tag: NoteTag | null; text: string }): boolean {
      if (!call || isEmptyNote(input)) return false;
      void keep(createNote(call, { ...input, author: call.role }, Date.now(), crypto.randomUUID()));
      return true;
    },
    edit(note: Note, text: string) {
      void keep({ ...note, text: text.trim() });
    },
    async remove(note: Note) {
      setNotes((current) => withoutNote(current, note.id));
      setDeleted(note);
      deletedIds.current.add(note.id);
      await removePendingNote(note.id);
      await sendDelete(note.id);
    },
    deleted,
    undoDelete() {
      if (!deleted) return;
      deletedIds.current.delete(deleted.id);
      unconfirmedDeletes.current.delete(deleted.id);
      setDeleted(null);
      void keep(deleted);
    },
  };
}

export type NotesState = ReturnType<typeof useNotes>;

/**
 * When the call changes: nothing shown, then the outbox's notes (local and quick; they are sent again at once), then
 * the stored ones, tried until the worker answers: a list that failed once must not read as "no notes".
 */
function useNotesOfCall(
  callId: string | null,
  on: { reset: () => void; pending: (notes: Note[]) => void; stored: (notes: Note[]) => void },
) {
  useEffect(() => {
    on.reset();
    if (!callId) return;
    let cancelled = false;
    void (async () => {
      const pending = await loadPendingNotes(callId);
      if (cancelled) return;
      on.pending(pending);
      for (let attempt = 0; !cancelled; attempt++) {
        try {
          const stored = await requestFromServiceWorker({ type: 'notes/list', callId });
          if (cancelled) return;
          on.stored(stored);
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_EVERY_MS * (attempt + 1), 10_000)));
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [callId]);
}

/** A note stored or deleted on another surface of this call (the side panel, or the HUD seen from the panel). */
function useNoteChangesElsewhere(
  callId: string | null,
  deletedIds: Set<string>,
  setNotes: (change: (current: ShownNotes) => ShownNotes) => void,
) {
  useEffect(() => {
    if (!callId) return;
    return listenForChanges((change) => {
      if (change.type === 'changed/note' && change.note.callId === callId) {
        const stored = change.note;
        if (!deletedIds.has(stored.id)) setNotes((current) => withStoredElsewhere(current, stored));
      }
      if (change.type === 'changed/note-deleted' && change.callId === callId) {
        setNotes((current) => withDeletedElsewhere(current, change.noteId));
      }
      // A commit anywhere (an import of the partner's notes, a restore, team sync) names the notes it changed: the
      // deleted ones go, and the others are read again as stored.
      if (change.type !== 'changed/records') return;
      const rows = change.changes.filter((row) => row.kind === 'note' && row.callId === callId);
      for (const row of rows.filter((row) => row.deleted)) setNotes((current) => withDeletedElsewhere(current, row.id));
      const written = new Set(rows.filter((row) => !row.deleted).map((row) => row.id));
      if (written.size === 0) return;
      void requestFromServiceWorker({ type: 'notes/list', callId }).then(
        (stored) => {
          for (const note of stored)
            if (written.has(note.id) && !deletedIds.has(note.id))
              setNotes((current) => withStoredElsewhere(current, note));
        },
        () => undefined,
      );
    });
  }, [callId]);
}
