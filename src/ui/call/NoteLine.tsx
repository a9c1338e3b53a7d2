import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../domain/call-progress';
import { MAX_NOTE_TEXT, TAG_KEYS, type NoteTag } from '../../domain/note';
import { KEYBOARD_LEFT_TEXT, useKeyboardLeftWarning } from './useKeyboardLeftWarning';
import type { NotesState } from './useNotes';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio'
    ? true
    : target instanceof HTMLTextAreaElement;
}

/** The tag a number key picks (1 to TAG_KEYS, with no modifier); none for any other key. */
function tagForKey(event: KeyboardEvent, tags: NoteTag[]): NoteTag | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const number = Number(event.key);
  return Number.isInteger(number) && number >= 1 && number <= TAG_KEYS ? tags[number - 1] : undefined;
}

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
  const keyboard = useKeyboardLeftWarning(text.trim() !== '');

  // A layout effect, so the keys work from the first frame the panel is on screen, not one paint later.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const picked = isTyping(event.target) ? undefined : tagForKey(event, tags);
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
      <TagKeys
        tags={tags}
        chosen={tag}
        compact={compact}
        onPick={(picked) => {
          setTag(picked);
          input.current?.focus();
        }}
      />
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
              const picked = text === '' ? tagForKey(event, tags) : undefined;
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

/** The tag buttons, each keyed tag with its number; `compact`: one row, the keyed ones by number, the rest in a list. */
function TagKeys(props: {
  tags: NoteTag[];
  chosen: NoteTag | null;
  compact: boolean;
  onPick: (tag: NoteTag | null) => void;
}) {
  const { tags, chosen, compact } = props;
  return (
    <div class={compact ? 'tags compact' : 'tags'} role="group" aria-label="Quick tags">
      {tags.map((option, index) => {
        const key = index < TAG_KEYS ? index + 1 : null;
        // One row in the HUD: the keyed tags by their number, the others in a list beside them.
        if (compact && !key) return null;
        return (
          <button
            key={option.label}
            class="tag"
            aria-pressed={chosen?.label === option.label}
            aria-label={key && compact ? `${key} ${option.label}` : undefined}
            title={key && compact ? option.label : undefined}
            onClick={() => props.onPick(chosen?.label === option.label ? null : option)}
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
          value={chosen && tags.findIndex((option) => option.label === chosen.label) >= TAG_KEYS ? chosen.label : ''}
          onChange={(event) => props.onPick(tags.find((option) => option.label === event.currentTarget.value) ?? null)}
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
  );
}

/** The empty line's hint: what the keys do, and whether the last note is stored yet (the glance that Enter worked). */
function lineHint(notes: NotesState): string {
  const last = notes.notes.at(-1);
  const keys = '1–9 picks a tag, or type; Enter saves';
  if (!last) return keys;
  return `${last.status === 'saved' ? '✓ Saved' : '… Saving'} ${formatClock(last.note.offsetMs)} · ${keys}`;
}
