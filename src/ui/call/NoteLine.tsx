import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../domain/call-progress';
import { MAX_NOTE_TEXT, TAG_KEYS, type Note, type NoteTag } from '../../domain/note';
import { shorten } from '../../domain/text';
import type { NotesState } from './useNotes';

/** How many of the latest notes are listed under the input. */
const SHOWN_NOTES = 5;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio'
    ? true
    : target instanceof HTMLTextAreaElement;
}

/**
 * Keystroke theft: the meeting page sees that focus is in our frame and can move it to an input of its own in the
 * middle of a note; the next words then go to the page. The page can't be stopped from taking focus, so when a line
 * with unsaved words loses the keyboard to something outside this frame, the overlay says so at once and keeps the
 * words. Focus moving within the overlay (Tab, a tag button) is not that.
 */
function useKeyboardLeftWarning() {
  const [left, setLeft] = useState(false);
  return {
    left,
    onBlur: (draft: string) => {
      if (draft.trim() === '') return;
      // The frame's document loses focus a moment after the line does: look once the blur is through.
      setTimeout(() => {
        if (!document.hasFocus()) setLeft(true);
      }, 0);
    },
    onFocus: () => setLeft(false),
  };
}

const KEYBOARD_LEFT_TEXT =
  'The keyboard left Ridealong before this note was saved: what you type now goes to the meeting page, not here. Your words are kept. Click the note line to go on.';

/**
 * Silent notes: a number key picks a tag and puts the cursor in the note line; Enter saves and hands the keys back
 * to the tags, so the next note is a number key away. Nothing here is ever written into the meeting page.
 */
export function NoteLine({
  notes,
  tags,
  focusRequest,
  reveal,
  compact = false,
}: {
  notes: NotesState;
  tags: NoteTag[];
  focusRequest: number;
  /** One row of tags: the keyed ones by their number (named in full for screen readers and on hover). */
  compact?: boolean;
  /** Makes the line visible first, where it sits in a fold (the rep's HUD keeps it under More). */
  reveal?: () => void;
}) {
  const [tag, setTag] = useState<NoteTag | null>(null);
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);
  const keyboard = useKeyboardLeftWarning();

  // A layout effect, so the keys work from the first frame the panel is on screen, not one paint later.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const number = Number(event.key);
      const picked = Number.isInteger(number) && number >= 1 && number <= TAG_KEYS ? tags[number - 1] : undefined;
      if (!picked) return;
      event.preventDefault();
      setTag(picked);
      reveal?.();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tags]);

  useEffect(() => {
    if (focusRequest === 0) return;
    reveal?.();
    input.current?.focus();
  }, [focusRequest]);

  const save = () => {
    if (!notes.log({ tag, text })) return;
    setTag(null);
    setText('');
    // Back to the tag keys: the next number pressed picks a tag instead of typing a digit.
    panel.current?.focus();
  };

  return (
    <section class="notes" aria-label="Notes" tabIndex={-1} ref={panel}>
      <div class={compact ? 'tags compact' : 'tags'} role="group" aria-label="Quick tags">
        {tags.map((option, index) => {
          const key = index < TAG_KEYS ? index + 1 : null;
          // One row in the HUD: the keyed tags by their number, the others in a list beside them.
          if (compact && !key) return null;
          return (
            <button
              key={option.label}
              class="tag"
              aria-pressed={tag?.label === option.label}
              aria-label={key && compact ? `${key} ${option.label}` : undefined}
              title={key && compact ? option.label : undefined}
              onClick={() => {
                setTag(tag?.label === option.label ? null : option);
                input.current?.focus();
              }}
            >
              {key && <kbd>{key}</kbd>}
              {key && compact ? null : ` ${option.label}`}
            </button>
          );
        })}
        {compact && tags.length > TAG_KEYS && (
          <select
            class="tag-more"
            aria-label="Other tags"
            value={tag && tags.findIndex((option) => option.label === tag.label) >= TAG_KEYS ? tag.label : ''}
            onChange={(event) => {
              const picked = tags.find((option) => option.label === event.currentTarget.value);
              setTag(picked ?? null);
              input.current?.focus();
            }}
          >
            <option value="">Other…</option>
            {tags.slice(TAG_KEYS).map((option) => (
              <option key={option.label} value={option.label}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </div>
      <form
        class="note-line"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label>
          <span class="visually-hidden">Note</span>
          {tag && <span class="chosen-tag">{tag.label}:</span>}
          <input
            ref={input}
            value={text}
            maxLength={MAX_NOTE_TEXT}
            placeholder={tag ? 'Add a few words, Enter saves' : lineHint(notes)}
            aria-label="Note"
            onInput={(event) => setText(event.currentTarget.value)}
            onBlur={() => keyboard.onBlur(text)}
            onFocus={keyboard.onFocus}
            onKeyDown={(event) => {
              // Escape clears the line (tag and words); on an empty line it goes on to close the overlay.
              if (event.key === 'Escape' && (tag || text !== '')) {
                event.stopPropagation();
                setTag(null);
                setText('');
                return;
              }
              // On an empty line a number key picks a tag, as it does anywhere else in the overlay.
              const number = Number(event.key);
              const picked =
                text === '' && !event.altKey && !event.ctrlKey && !event.metaKey && number >= 1 && number <= TAG_KEYS
                  ? tags[number - 1]
                  : undefined;
              if (picked) {
                event.preventDefault();
                setTag(picked);
              }
            }}
          />
        </label>
        <button type="submit">Save note</button>
      </form>
      {keyboard.left && (
        <p class="error" role="alert">
          {KEYBOARD_LEFT_TEXT}
        </p>
      )}
      {notes.deleted && (
        <p class="status" role="status">
          Note deleted. <button onClick={notes.undoDelete}>Undo</button>
        </p>
      )}
    </section>
  );
}

/** The empty line's hint: what the keys do, and whether the last note is stored yet (the glance that Enter worked). */
function lineHint(notes: NotesState): string {
  const last = notes.notes.at(-1);
  const keys = '1–9 picks a tag, or type; Enter saves';
  if (!last) return keys;
  return `${last.status === 'saved' ? '✓ Saved' : '… Saving'} ${formatClock(last.note.offsetMs)} · ${keys}`;
}

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
  const keyboard = useKeyboardLeftWarning();
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
            onBlur={() => draft !== note.text && keyboard.onBlur(draft)}
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
