// Meeting recognition from URLs alone. The meeting sites' DOM classes change every few months, their URL shapes
// don't, so nothing here looks at a page. The table of real shapes lives in tests/unit/meeting-url.test.ts.
//
// This module must stay import-free: the content script imports it, and crxjs emits a content script as one plain
// file only while nothing it imports is shared with another entry (see vite.config.ts).

export type MeetingPlatform = 'meet' | 'zoom';

/** Which meeting a tab is in: the platform plus Meet's code (`abc-defg-hij`) or Zoom's meeting number. */
export interface MeetingId {
  platform: MeetingPlatform;
  code: string;
}

// https://meet.google.com/abc-defg-hij (also with ?authuser=1, ?hs=…, ?pli=1). Codes are three, four and three
// lowercase letters. /landing, /new and / are not meetings.
const MEET_PATH = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})\/?$/;

// Zoom's web client:
//   https://app.zoom.us/wc/83456789012/join      https://app.zoom.us/wc/83456789012/start
//   https://us02web.zoom.us/wc/83456789012/join  https://acme.zoom.us/wc/83456789012/join
//   https://zoom.us/wc/join/83456789012          (the older shape)
// Meeting numbers are 9 to 11 digits.
const ZOOM_PATHS = [/^\/wc\/(\d{9,11})\/(?:join|start)\/?$/, /^\/wc\/join\/(\d{9,11})\/?$/];

// https://app.zoom.us/wc/home runs the meeting inside a same-origin iframe#webclient whose src is a meeting URL.
const ZOOM_HOME_PATH = /^\/wc\/home\/?$/;

function parseHttpsUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

function isZoomHost(hostname: string): boolean {
  return hostname === 'zoom.us' || hostname.endsWith('.zoom.us');
}

/** The meeting a URL opens, or null when it is not a meeting page. */
export function meetingFromUrl(url: string): MeetingId | null {
  const parsed = parseHttpsUrl(url);
  if (!parsed || parsed.port !== '') return null;
  if (parsed.hostname === 'meet.google.com') {
    const match = MEET_PATH.exec(parsed.pathname);
    return match ? { platform: 'meet', code: match[1]! } : null;
  }
  if (isZoomHost(parsed.hostname)) {
    for (const shape of ZOOM_PATHS) {
      const match = shape.exec(parsed.pathname);
      if (match) return { platform: 'zoom', code: match[1]! };
    }
  }
  return null;
}

export function isMeetingUrl(url: string): boolean {
  return meetingFromUrl(url) !== null;
}

/** True for Zoom's web-app shell, whose meeting runs in a same-origin iframe#webclient. */
export function isZoomWebAppHome(url: string): boolean {
  const parsed = parseHttpsUrl(url);
  return parsed !== null && isZoomHost(parsed.hostname) && ZOOM_HOME_PATH.test(parsed.pathname);
}

/** A stable string for indexes and comparisons: `meet:abc-defg-hij`, `zoom:83456789012`. */
export function meetingKey(meeting: MeetingId): string {
  return `${meeting.platform}:${meeting.code}`;
}

export function sameMeeting(a: MeetingId | null, b: MeetingId | null): boolean {
  return a === b || (a !== null && b !== null && meetingKey(a) === meetingKey(b));
}
