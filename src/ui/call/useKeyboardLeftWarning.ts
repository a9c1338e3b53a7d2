import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Keystroke theft: the meeting page sees that focus is in our frame and can move it to an input of its own in the
 * middle of a note; the next words then go to the page. The page can't be stopped from taking focus, so when this
 * frame loses the keyboard while a line holds unsaved words, the overlay says so at once and keeps the words.
 *
 * It listens for the frame's own window losing focus, the one event that always comes when the keyboard leaves it,
 * whichever element inside had focus then. (It used to look at `document.hasFocus()` a task after the line's blur,
 * which depended on when the browser told the frame, and missed the theft when something in the overlay held focus
 * instead of the line.) Focus moving within the overlay (Tab, a tag button) is not that: the window keeps focus.
 *
 * `unsaved`: the line holds words not saved yet. The warning goes when the line takes focus again or is emptied.
 */
export function useKeyboardLeftWarning(unsaved: boolean) {
  const [left, setLeft] = useState(false);
  const unsavedNow = useRef(unsaved);
  unsavedNow.current = unsaved;
  useEffect(() => {
    const onFrameBlur = () => {
      if (unsavedNow.current) setLeft(true);
    };
    window.addEventListener('blur', onFrameBlur);
    return () => window.removeEventListener('blur', onFrameBlur);
  }, []);
  useEffect(() => {
    if (!unsaved) setLeft(false);
  }, [unsaved]);
  return { left, onFocus: () => setLeft(false) };
}

export const KEYBOARD_LEFT_TEXT =
  'The keyboard left Ridealong before this note was saved: what you type now goes to the meeting page, not here. Your words are kept. Click the note line to go on.';
