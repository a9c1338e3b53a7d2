// Service worker → content script messages. Import-free, because the content script imports it and must stay one
// plain file (see vite.config.ts); the overlay ↔ service worker contract is in messages.ts.

/** The "hide or show the overlay" keyboard command, sent to the tab it was pressed in. */
export const TOGGLE_OVERLAY_MESSAGE = 'ridealong/toggle-overlay';

/** The "take a note" keyboard command: show the overlay and put the cursor in its note line. */
export const FOCUS_NOTE_MESSAGE = 'ridealong/focus-note';
