// The call's notes as a list: the latest under the HUD's More, every one in the side panel; each with Edit and Delete.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../domain/call-progress';
import { MAX_NOTE_TEXT, type Note } from '../../domain/note';
import { shorten } from '../../domain/text';
import { KEYBOARD_LEFT_TEXT, useKeyboardLeftWarning } from './useKeyboardLeftWarning';
import type { NotesState } from './useNotes';

/** How many of the latest notes are listed under the input. */
const SHOWN_NOTES = 5;

/** The latest notes (`all`: every note), newest first, each with Edit and Delete. */
export function NoteList({ notes, all = false }: { notes: NotesState; all?: boolean }) {
  const latest = (all ? notes.notes : notes.notes.slice(-SHOWN_NOTES)).reverse();
  return (
    <div class="note-history">
      {latest.length > 0 && (
        <ol class="note-list" aria-label={all ? 'Notes on this call' : 'Latest notes'} reversed>
          {latest.map((shown) => (
            <NoteRow key={shown.note.id} note={shown.note} status={shown.status} notes={notes} />
          ))}
        </ol>
      )}
      <p class="muted count">
        {notes.notes.length === 1 ? '1 note' : `${notes.notes.length} notes`} on this call
        {!notes.storedLoaded && ' so far; loading the earlier ones…'}
      </p>
    </div>
  );
}

/** "0:12, Great question: asked about budget", short: notes logged in the same second still get distinct names. */
function noteName(note: Note): string {
  const short = shorten([note.tag, note.text].filter(Boolean).join(': '));
  return short ? `${formatClock(note.offsetMs)}, ${short}` : formatClock(note.offsetMs);
}

function NoteRow({ note, status, notes }: { note: Note; status: 'pending' | 'saved'; notes: NotesState }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const editInput = useRef<HTMLInputElement>(null);
  const keyboard = useKeyboardLeftWarning(editing && draft !== note.text);
  // Once, when editing starts: a ref callback would run on every render, and the clock re-renders each second,
  // pulling focus back from the meeting page.
  useEffect(() => {
    if (editing) editInput.current?.focus();
  }, [editing]);
  return (
    <li class="note" data-status={status}>
      <span class="note-meta">
        {formatClock(note.offsetMs)} · item {note.itemIndex + 1}
      </span>{' '}
      {note.tag && <strong>{note.tag}</strong>}
      {note.tag && note.text && ': '}
      {editing ? (
        <form
          class="note-edit"
          onSubmit={(event) => {
            event.preventDefault();
            notes.edit(note, draft);
            setEditing(false);
          }}
        >
          <input
            aria-label="Edit note"
            value={draft}
            maxLength={MAX_NOTE_TEXT}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onFocus={keyboard.onFocus}
            ref={editInput}
          />
          <button type="submit">Save</button>
          {keyboard.left && (
            <span class="error" role="alert">
              {KEYBOARD_LEFT_TEXT}
            </span>
          )}
        </form>
      ) : (
        <span class="note-text">{note.text}</span>
      )}{' '}
      <span class={`note-status ${status}`}>{status === 'saved' ? '✓ saved' : '… saving'}</span>
      {!editing && (
        <span class="note-actions">
          <button aria-label={`Edit note from ${noteName(note)}`} onClick={() => setEditing(true)}>
            Edit
          </button>
          <button aria-label={`Delete note from ${noteName(note)}`} onClick={() => void notes.remove(note)}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}
