import { useEffect, useRef, useState } from 'preact/hooks';
import { isOverlayExpandedFor, setOverlayExpandedFor } from '../platform/device-settings';
import { FOCUS_NOTE_REQUEST } from './host-channel';

/**
 * Whether the overlay is open or folded to its pill, remembered per meeting on this device. `toggleRef` is the button
 * that opens or folds it; `focusNoteRequest` is bumped by the "take a note" shortcut, which opens the overlay and has
 * the note line take the cursor.
 */
export function useExpanded(key: string, arrivedByPage: boolean) {
  const [expanded, setExpanded] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const userToggled = useRef(false);
  const [focusNoteRequest, setFocusNoteRequest] = useState(0);

  useEffect(() => {
    const onFocusNote = () => {
      userToggled.current = false;
      setExpanded(true);
      setFocusNoteRequest((count) => count + 1);
    };
    window.addEventListener(FOCUS_NOTE_REQUEST, onFocusNote);
    return () => window.removeEventListener(FOCUS_NOTE_REQUEST, onFocusNote);
  }, []);

  // Opened before on this device (then the tab was reloaded): open again, without taking focus.
  useEffect(() => {
    if (!arrivedByPage) void isOverlayExpandedFor(key).then((wasExpanded) => wasExpanded && setExpanded(true));
  }, [key]);

  const toggle = (next: boolean) => {
    userToggled.current = true;
    setExpanded(next);
    void setOverlayExpandedFor(key, next, Date.now());
  };

  // Keyboard users keep their place: after opening or closing, focus lands on the button that toggles back. Never on
  // first render, which would pull focus out of the meeting page.
  useEffect(() => {
    if (userToggled.current) toggleRef.current?.focus();
  }, [expanded]);
  useEffect(() => {
    if (!expanded) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') toggle(false);
    };
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [expanded]);

  return { expanded, toggle, toggleRef, focusNoteRequest };
}
