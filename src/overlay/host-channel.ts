// The private channel to the content script that mounted this frame. The page can't reach this frame (it sits in a
// closed shadow root), and the channel is accepted only with the token the content script put in this frame's URL
// fragment. It carries the frame's size, drag moves and the overlay's position, never plan text. The messages are
// typed in platform/frame-channel.ts, which the content script uses too.
import { loadOverlayPosition, saveOverlayPosition } from '../platform/device-settings';
import { isConnectMessage, parseHostToFrame, type FrameToHost } from '../platform/frame-channel';

let port: MessagePort | null = null;

/** Dispatched on this window when the "take a note" shortcut was pressed in the meeting tab. */
export const FOCUS_NOTE_REQUEST = 'ridealong:focus-note';

function post(message: FrameToHost): void {
  port?.postMessage(message);
}

export function connectToHost(expectedToken: string): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<unknown>) => {
      const offered = event.ports[0];
      if (!isConnectMessage(event.data, expectedToken) || !offered) return;
      window.removeEventListener('message', onMessage);
      port = offered;
      port.onmessage = (message: MessageEvent<unknown>) => {
        const parsed = parseHostToFrame(message.data);
        if (parsed?.type === 'focus-note') window.dispatchEvent(new Event(FOCUS_NOTE_REQUEST));
        if (parsed?.type === 'position-save') void saveOverlayPosition({ top: parsed.top, right: parsed.right });
      };
      // The saved position goes out before the first size, so the host is shown where it was left, without a jump.
      void loadOverlayPosition()
        .then((position) => {
          if (position) post({ type: 'position-restore', ...position });
        })
        .catch(() => undefined)
        .finally(resolve);
    };
    window.addEventListener('message', onMessage);
  });
}

/** Keeps the host frame exactly as big as the overlay's content, so it never covers more of the meeting than that. */
export function followSize(element: HTMLElement): void {
  const report = () => {
    const box = element.getBoundingClientRect();
    post({ type: 'size', width: Math.ceil(box.width), height: Math.ceil(box.height) });
  };
  new ResizeObserver(report).observe(element);
  report();
}

/** Moves the overlay by a distance in CSS pixels; `done` stores the position for this device. */
export function moveOverlay(dx: number, dy: number, done: boolean): void {
  if (dx !== 0 || dy !== 0) post({ type: 'move', dx, dy });
  if (done) post({ type: 'move-end' });
}
