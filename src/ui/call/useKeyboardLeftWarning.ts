import { useState } from 'preact/hooks';

/**
 * Keystroke theft: the meeting page sees that focus is in our frame and can move it to an input of its own in the
 * middle of a note; the next words then go to the page. The page can't be stopped from taking focus, so when a line
 * with unsaved words loses the keyboard to something outside this frame, the overlay says so at once and keeps the
 * words. Focus moving within the overlay (Tab, a tag button) is not that.
 */
export function useKeyboardLeftWarning() {
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

export const KEYBOARD_LEFT_TEXT =
  'The keyboard left Ridealong before this note was saved: what you type now goes to the meeting page, not here. Your words are kept. Click the note line to go on.';
