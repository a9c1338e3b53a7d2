// The two small channels around the content script, typed in one place and used by both ends. Import-free, because
// the content script imports it and must stay one plain file (see vite.config.ts). The overlay ↔ service worker
// contract is in messages.ts.

/** Service worker → content script: the "hide or show the overlay" keyboard command, for the tab it was pressed in. */
export const TOGGLE_OVERLAY_MESSAGE = 'ridealong/toggle-overlay';

/** Service worker → content script: the "take a note" keyboard command. */
export const FOCUS_NOTE_MESSAGE = 'ridealong/focus-note';

/**
 * Content script → service worker: the meeting page keeps removing the overlay, so the toolbar button says why
 * Ridealong isn't showing. One of the two messages a content script may send; it carries nothing and changes no data.
 */
export const OVERLAY_BLOCKED_MESSAGE = 'ridealong/overlay-blocked';

/**
 * Content script → service worker, from a tab Ridealong was asked onto, as the page goes away: if it is a reload on
 * the same site, Ridealong comes back when it has loaded. Carries nothing either; the worker checks the tab.
 */
export const ON_DEMAND_LEAVING_MESSAGE = 'ridealong/on-demand-leaving';

/**
 * The same, earlier: sent on beforeunload, while the page is whole. A message sent on pagehide can be lost with the
 * page that sends it (the browser drops a channel whose frame is gone), and then nothing would follow the reload.
 */
export const ON_DEMAND_MAY_LEAVE_MESSAGE = 'ridealong/on-demand-may-leave';

/** Content script → overlay frame, once, over window.postMessage: the private channel's port, and the token. */
export interface ConnectMessage {
  ridealong: 'connect';
  token: string;
}

/** What the overlay frame tells the content script over the private channel. */
export type FrameToHost =
  /** The overlay's content size: the frame is kept exactly this big, so it covers no more of the meeting. */
  | { type: 'size'; width: number; height: number }
  /** A drag or an arrow key moved the overlay by this many CSS pixels. */
  | { type: 'move'; dx: number; dy: number }
  /** The move ended: the content script answers with `position-save`. */
  | { type: 'move-end' }
  /** The position stored on this device, handed to a newly mounted overlay before its first size. */
  | { type: 'position-restore'; top: number; right: number };

/** What the content script tells the overlay frame over the private channel. */
export type HostToFrame =
  /** The "take a note" shortcut was pressed in the meeting tab. */
  | { type: 'focus-note' }
  /** Where the overlay ended up after a move, for the frame to store (the content script has no storage). */
  | { type: 'position-save'; top: number; right: number };

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function isConnectMessage(data: unknown, token: string): data is ConnectMessage {
  return isRecord(data) && data.ridealong === 'connect' && token !== '' && data.token === token;
}

export function parseFrameToHost(data: unknown): FrameToHost | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'size':
      return isFiniteNumber(data.width) && isFiniteNumber(data.height)
        ? { type: 'size', width: data.width, height: data.height }
        : null;
    case 'move':
      return isFiniteNumber(data.dx) && isFiniteNumber(data.dy) ? { type: 'move', dx: data.dx, dy: data.dy } : null;
    case 'move-end':
      return { type: 'move-end' };
    case 'position-restore':
      return isFiniteNumber(data.top) && isFiniteNumber(data.right)
        ? { type: 'position-restore', top: data.top, right: data.right }
        : null;
    default:
      return null;
  }
}

export function parseHostToFrame(data: unknown): HostToFrame | null {
  if (!isRecord(data)) return null;
  if (data.type === 'focus-note') return { type: 'focus-note' };
  if (data.type === 'position-save' && isFiniteNumber(data.top) && isFiniteNumber(data.right))
    return { type: 'position-save', top: data.top, right: data.right };
  return null;
}
