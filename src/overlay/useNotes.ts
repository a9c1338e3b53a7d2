import { useEffect, useRef, useState } from 'preact/hooks';
import type { Call } from '../domain/call';
import { createNote, isEmptyNote, type Note, type NoteTag } from '../domain/note';
import { addPendingNote, loadPendingNotes, removePendingNote } from '../platform/note-outbox';
import { requestFromServiceWorker } from '../platform/request';

export interface ShownNote {
  note: Note;
  /** 'saved' only once storage acknowledged a strict-durability commit of this version. */
  status: 'pending' | 'saved';
}

const RETRY_EVERY_MS = 1500;

/**
 * The call's notes: stored ones from the service worker, and ones still on their way. A note goes to the outbox
 * before anything else, so a reloaded overlay or a stopped service worker loses nothing; it is retried until stored,
 * and because it keeps its id, a retry never stores it twice.
 */
export function useNotes(call: Call | null) {
  const [notes, setNotes] = useState<Map<string, ShownNote>>(new Map());
  const [deleted, setDeleted] = useState<Note | null>(null);
  const inFlight = useRef(new Set<string>());
  /** Notes deleted while a save of theirs may still be on its way: that save is undone when it lands. */
  const deletedIds = useRef(new Set<string>());
  const callId = call?.id ?? null;

  const put = (note: Note, status: ShownNote['status']) =>
    setNotes((current) => new Map(current).set(note.id, { note, status }));

  const send = async (note: Note) => {
    if (inFlight.current.has(note.id)) return;
    inFlight.current.add(note.id);
    try {
      const stored = await requestFromServiceWorker({ type: 'notes/save', note });
      // The outbox holds one version per note. An edit typed while this version was on its way replaced it there:
      // that newer version stays in the outbox until it is stored in turn.
      const shown = notesRef.current.get(note.id)?.note;
      if (!shown || deletedIds.current.has(note.id) || JSON.stringify(shown) === JSON.stringify(stored)) {
        await removePendingNote(note.id);
      }
      if (deletedIds.current.has(note.id)) {
        await requestFromServiceWorker({ type: 'notes/delete', noteId: note.id });
        return;
      }
      // A newer version typed meanwhile stays pending; only the version that was stored is shown as saved.
      setNotes((current) => {
        const shown = current.get(note.id);
        if (!shown || JSON.stringify(shown.note) !== JSON.stringify(stored)) return current;
        return new Map(current).set(note.id, { note: stored, status: 'saved' });
      });
    } catch {
      // Stays pending in the outbox; the retry loop sends it again.
    } finally {
      inFlight.current.delete(note.id);
    }
  };

  const keep = async (note: Note) => {
    put(note, 'pending');
    await addPendingNote(note);
    await send(note);
  };

  useEffect(() => {
    setNotes(new Map());
    if (!callId) return;
    let cancelled = false;
    void (async () => {
      const [stored, pending] = await Promise.all([
        requestFromServiceWorker({ type: 'notes/list', callId }).catch(() => [] as Note[]),
        loadPendingNotes(callId),
      ]);
      if (cancelled) return;
      const loaded = new Map<string, ShownNote>();
      for (const note of stored) loaded.set(note.id, { note, status: 'saved' });
      for (const note of pending) loaded.set(note.id, { note, status: 'pending' });
      // Notes taken while this was loading stay: merged in, never replaced.
      setNotes((current) => {
        for (const [id, shown] of current) if (!loaded.has(id) || shown.status === 'pending') loaded.set(id, shown);
        return loaded;
      });
      for (const note of pending) void send(note);
    })();
    return () => {
      cancelled = true;
    };
  }, [callId]);

  // Anything still pending is sent again until storage takes it.
  useEffect(() => {
    const timer = setInterval(() => {
      for (const shown of notesRef.current.values()) if (shown.status === 'pending') void send(shown.note);
    }, RETRY_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  const notesRef = useRef(notes);
  notesRef.current = notes;

  const ordered = [...notes.values()].sort((a, b) => a.note.at - b.note.at);

  return {
    notes: ordered,
    log(input: { tag: NoteTag | null; text: string }): boolean {
      if (!call || isEmptyNote(input)) return false;
      void keep(createNote(call, { ...input, author: call.role }, Date.now(), crypto.randomUUID()));
      return true;
    },
    edit(note: Note, text: string) {
      void keep({ ...note, text: text.trim() });
    },
    async remove(note: Note) {
      setNotes((current) => {
        const next = new Map(current);
        next.delete(note.id);
        return next;
      });
      setDeleted(note);
      deletedIds.current.add(note.id);
      await removePendingNote(note.id);
      await requestFromServiceWorker({ type: 'notes/delete', noteId: note.id }).catch(() => undefined);
    },
    deleted,
    undoDelete() {
      if (!deleted) return;
      deletedIds.current.delete(deleted.id);
      setDeleted(null);
      void keep(deleted);
    },
  };
}

export type NotesState = ReturnType<typeof useNotes>;
