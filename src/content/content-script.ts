// Runs on every page of the meeting hosts. It only recognises a meeting from the URL, mounts one fixed host element
// holding an iframe of our own overlay page, and removes it when the tab leaves the meeting. No Preact, no storage,
// no plan text: what the overlay shows lives in a cross-origin frame the meeting page's scripts can't read.
//
// Its only import is the import-free meeting-url module; vite.config.ts builds this file as one standalone script
// so the page never sees a loader or a web-accessible chunk it could fingerprint.
import { isZoomWebAppHome, meetingFromUrl, sameMeeting, type MeetingId } from '../domain/meeting-url';

const OVERLAY_PAGE = 'src/overlay/overlay.html';
const HOST_TAG = 'ridealong-overlay';
const EXTENSION_ORIGIN = `chrome-extension://${chrome.runtime.id}`;
/** How often the URL is checked. Meet changes it with history.pushState, which a content script can't observe. */
const URL_CHECK_MS = 400;
const PILL_SIZE = { width: 280, height: 56 };
const EDGE_GAP_PX = 16;

interface Mounted {
  meeting: MeetingId;
  host: HTMLElement;
  port: MessagePort | null;
}

let mounted: Mounted | null = null;

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

function setFrameSize(frame: HTMLIFrameElement, width: number, height: number): void {
  const maxWidth = Math.max(160, window.innerWidth - 2 * EDGE_GAP_PX);
  const maxHeight = Math.max(48, window.innerHeight - 2 * EDGE_GAP_PX);
  frame.style.width = `${Math.min(Math.max(Math.round(width), 48), maxWidth)}px`;
  frame.style.height = `${Math.min(Math.max(Math.round(height), 40), maxHeight)}px`;
}

function mount(meeting: MeetingId): Mounted {
  // A tag of our own, so the page's `div {…}` rules don't match it.
  const host = document.createElement(HOST_TAG);
  // CSSOM, not a style attribute: it works under a page CSP without 'unsafe-inline'. Important inline declarations
  // beat the page's own `!important` rules; `all: initial` resets whatever else it inherits. The closed shadow root
  // keeps the page's CSS and scripts off the frame element.
  const hostStyle: [string, string][] = [
    ['all', 'initial'],
    ['position', 'fixed'],
    ['top', `${EDGE_GAP_PX}px`],
    ['right', `${EDGE_GAP_PX}px`],
    ['z-index', '2147483647'],
    ['display', 'block'],
    ['opacity', '1'],
  ];
  for (const [property, value] of hostStyle) host.style.setProperty(property, value, 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  // A token only the frame and this script know: the page can post messages to the frame too, and the frame
  // accepts the private channel only from whoever can show this token.
  const token = crypto.randomUUID();
  const search = new URLSearchParams({ platform: meeting.platform, code: meeting.code });
  frame.src = `${chrome.runtime.getURL(OVERLAY_PAGE)}?${search.toString()}#${token}`;
  frame.title = 'Ridealong';
  Object.assign(frame.style, {
    display: 'block',
    border: '0',
    background: 'transparent',
    colorScheme: 'normal',
    borderRadius: '14px',
  });
  setFrameSize(frame, PILL_SIZE.width, PILL_SIZE.height);
  const entry: Mounted = { meeting, host, port: null };
  frame.addEventListener('load', () => {
    entry.port?.close();
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: unknown; width?: unknown; height?: unknown } | null;
      if (data?.type === 'size' && typeof data.width === 'number' && typeof data.height === 'number') {
        setFrameSize(frame, data.width, data.height);
      }
    };
    entry.port = channel.port1;
    // The frame is loaded through a dynamic URL (use_dynamic_url), but its document's origin is the extension's own.
    // Naming that origin means a frame the page navigated elsewhere never receives the channel.
    frame.contentWindow?.postMessage({ ridealong: 'connect', token }, EXTENSION_ORIGIN, [channel.port2]);
  });
  shadow.append(frame);
  document.documentElement.append(host);
  return entry;
}

function unmount(): void {
  mounted?.port?.close();
  mounted?.host.remove();
  mounted = null;
}

function sync(): void {
  const meeting = currentMeeting();
  if (mounted && sameMeeting(meeting, mounted.meeting) && mounted.host.isConnected) return;
  unmount();
  if (meeting) mounted = mount(meeting);
}

// A second injection (an extension update re-runs content scripts) replaces the first overlay instead of adding one.
for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
sync();
window.addEventListener('popstate', sync);
setInterval(sync, URL_CHECK_MS);
