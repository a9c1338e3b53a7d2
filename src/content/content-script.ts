// Runs on every page of the meeting hosts. It only recognises a meeting from the URL, mounts one fixed host element
// holding an iframe of our own overlay page, places it, hides or shows it on the keyboard command, and removes it
// when the tab leaves the meeting. No Preact, no storage at all, no plan text: what the overlay shows lives in a
// cross-origin frame the meeting page's scripts can't read. Even the overlay's position is stored by the frame: the
// service worker closes chrome.storage to content scripts, since they share the meeting page's process.
//
// Its only imports are import-free modules; vite.config.ts builds this file as one standalone script so the page
// never sees a loader or a web-accessible chunk it could fingerprint.
import { isZoomWebAppHome, meetingFromUrl, sameMeeting, type MeetingId } from '../domain/meeting-url';
import { FOCUS_NOTE_MESSAGE, TOGGLE_OVERLAY_MESSAGE } from '../platform/content-messages';

const OVERLAY_PAGE = 'src/overlay/overlay.html';
const HOST_TAG = 'ridealong-overlay';
const EXTENSION_ORIGIN = `chrome-extension://${chrome.runtime.id}`;
/** How often the URL is checked. Meet changes it with history.pushState, which a content script can't observe. */
const URL_CHECK_MS = 400;
const PILL_SIZE = { width: 200, height: 44 };
const EDGE_GAP_PX = 16;
/** Kept free at the bottom of the tab, where Meet (80 px) and Zoom (52 px) put their call controls. */
const BOTTOM_BAR_PX = 96;

/** Distance from the tab's top and right edges. Top right by default: clear of Meet's and Zoom's bottom bars. */
interface Position {
  top: number;
  right: number;
}

interface Mounted {
  meeting: MeetingId;
  host: HTMLElement;
  frame: HTMLIFrameElement;
  port: MessagePort | null;
  /** False until the overlay has reported its size: no flash of a wrongly sized frame, nothing that moves. */
  sized: boolean;
}

let mounted: Mounted | null = null;
let hidden = false;
let position: Position = { top: EDGE_GAP_PX, right: EDGE_GAP_PX };

function currentMeeting(): MeetingId | null {
  const meeting = meetingFromUrl(location.href);
  if (meeting) return meeting;
  // app.zoom.us/wc/home runs the meeting in a same-origin iframe#webclient. This script runs in the top frame only,
  // so the overlay appears once, on top, sized to the tab.
  if (isZoomWebAppHome(location.href)) {
    const webclient = document.querySelector('iframe#webclient');
    if (webclient instanceof HTMLIFrameElement && webclient.src) return meetingFromUrl(webclient.src);
  }
  return null;
}

/**
 * The host's whole style, at the current position. CSSOM, not a style attribute: it works under a page CSP without
 * 'unsafe-inline'. Every declaration is `!important`, because inline important declarations beat the page's own
 * `!important` rules, and `all: initial` resets whatever else the host would inherit.
 */
function hostCss(extra = ''): string {
  const declarations = `all:initial;position:fixed;z-index:2147483647;opacity:1;top:${position.top}px;right:${position.right}px;display:${hidden ? 'none' : 'block'}${extra}`;
  return declarations.replace(/;/g, '!important;') + '!important';
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

function setFrameSize(frame: HTMLIFrameElement, width: number, height: number): void {
  frame.style.width = `${clamp(Math.round(width), 40, window.innerWidth - 2 * EDGE_GAP_PX)}px`;
  frame.style.height = `${clamp(Math.round(height), 40, window.innerHeight - EDGE_GAP_PX - BOTTOM_BAR_PX)}px`;
}

/** Keeps the overlay inside the tab, whatever its size and wherever it was dragged. */
function place(entry: Mounted): void {
  const width = entry.frame.offsetWidth || PILL_SIZE.width;
  const height = entry.frame.offsetHeight || PILL_SIZE.height;
  position = {
    top: clamp(position.top, 0, window.innerHeight - BOTTOM_BAR_PX - height),
    right: clamp(position.right, 0, window.innerWidth - width),
  };
  entry.host.style.cssText = hostCss(entry.sized ? '' : ';visibility:hidden');
}

function onOverlayMessage(
  entry: Mounted,
  data: {
    type?: unknown;
    width?: unknown;
    height?: unknown;
    dx?: unknown;
    dy?: unknown;
    top?: unknown;
    right?: unknown;
  },
) {
  if (data.type === 'size' && typeof data.width === 'number' && typeof data.height === 'number') {
    setFrameSize(entry.frame, data.width, data.height);
    entry.sized = true;
    place(entry);
  } else if (data.type === 'move' && typeof data.dx === 'number' && typeof data.dy === 'number') {
    position = { top: position.top + data.dy, right: position.right - data.dx };
    place(entry);
  } else if (data.type === 'move-end') {
    // The frame stores it for this device, and hands it back to the next overlay this script mounts.
    entry.port?.postMessage({ type: 'position', top: position.top, right: position.right });
  } else if (data.type === 'position' && typeof data.top === 'number' && typeof data.right === 'number') {
    position = { top: data.top, right: data.right };
    place(entry);
  }
}

function mount(meeting: MeetingId): Mounted {
  // A tag of our own, so the page's `div {…}` rules don't match it.
  const host = document.createElement(HOST_TAG);
  // The closed shadow root keeps the page's CSS and scripts off the frame element; place() styles the host.
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  // A token only the frame and this script know: the frame accepts the private channel only from whoever shows it.
  const token = crypto.randomUUID();
  const search = new URLSearchParams({ platform: meeting.platform, code: meeting.code });
  frame.src = `${chrome.runtime.getURL(OVERLAY_PAGE)}?${search.toString()}#${token}`;
  frame.title = 'Ridealong';
  frame.style.cssText = 'display:block;border:0;background:transparent;color-scheme:normal;border-radius:14px';
  setFrameSize(frame, PILL_SIZE.width, PILL_SIZE.height);
  const entry: Mounted = { meeting, host, frame, port: null, sized: false };
  frame.addEventListener('load', () => {
    entry.port?.close();
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data && typeof event.data === 'object') onOverlayMessage(entry, event.data);
    };
    entry.port = channel.port1;
    // The frame is loaded through a dynamic URL (use_dynamic_url), but its document's origin is the extension's own.
    // Naming that origin means a frame navigated elsewhere never receives the channel.
    frame.contentWindow?.postMessage({ ridealong: 'connect', token }, EXTENSION_ORIGIN, [channel.port2]);
  });
  shadow.append(frame);
  document.documentElement.append(host);
  place(entry);
  return entry;
}

function unmount(): void {
  mounted?.port?.close();
  mounted?.host.remove();
  mounted = null;
}

/**
 * After the extension is reloaded or updated, this copy of the script is cut off from it and its frame is dead.
 * Say so in plain words instead of leaving a blank box; the page itself keeps working.
 */
function showReloadNotice(): void {
  const meeting = mounted?.meeting;
  unmount();
  stop();
  if (!meeting) return;
  const notice = document.createElement(HOST_TAG);
  notice.style.cssText = hostCss(';padding:8px 12px;background:#111827;color:#fff;font:13px sans-serif');
  notice.setAttribute('role', 'status');
  notice.textContent = 'Ridealong was updated: reload this tab to bring it back. Nothing was lost.';
  document.documentElement.append(notice);
}

function sync(): void {
  if (!chrome.runtime?.id) {
    showReloadNotice();
    return;
  }
  const meeting = currentMeeting();
  if (mounted && sameMeeting(meeting, mounted.meeting) && mounted.host.isConnected) return;
  unmount();
  if (meeting) mounted = mount(meeting);
}

function onResize(): void {
  if (mounted) place(mounted);
}

function stop(): void {
  clearInterval(timer);
  window.removeEventListener('popstate', sync);
  window.removeEventListener('resize', onResize);
}

// A second injection (an extension update re-runs content scripts) replaces the first overlay instead of adding one.
for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
const timer = setInterval(sync, URL_CHECK_MS);
window.addEventListener('popstate', sync);
window.addEventListener('resize', onResize);
sync();

// The keyboard command (see src/background/commands.ts) arrives here, only ever from our own service worker.
chrome.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== chrome.runtime.id || sender.tab) return;
  const type = (message as { type?: unknown } | null)?.type;
  if (type === TOGGLE_OVERLAY_MESSAGE) {
    hidden = !hidden;
  } else if (type === FOCUS_NOTE_MESSAGE && mounted) {
    // The person asked for it with a shortcut: the one time the overlay takes the keyboard.
    hidden = false;
    mounted.frame.focus();
    mounted.port?.postMessage({ type: 'focus-note' });
  }
  if (mounted) place(mounted);
});
