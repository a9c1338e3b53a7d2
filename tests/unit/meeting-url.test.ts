import { describe, expect, it } from 'vitest';
import { isMeetingUrl, isZoomWebAppHome, meetingFromUrl, meetingKey, sameMeeting } from '../../src/domain/meeting-url';

// Real URL shapes, row by row: [url, platform, code].
const MEETINGS: [string, 'meet' | 'zoom', string][] = [
  ['https://meet.google.com/abc-defg-hij', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij?authuser=1', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij?hs=122&authuser=0', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij?pli=1', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij/', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij#chat', 'meet', 'abc-defg-hij'],
  ['https://app.zoom.us/wc/83456789012/join', 'zoom', '83456789012'],
  ['https://app.zoom.us/wc/83456789012/start', 'zoom', '83456789012'],
  ['https://app.zoom.us/wc/83456789012/join?fromPWA=1&pwd=abc', 'zoom', '83456789012'],
  ['https://zoom.us/wc/join/83456789012', 'zoom', '83456789012'],
  ['https://us02web.zoom.us/wc/83456789012/join', 'zoom', '83456789012'],
  ['https://acme.zoom.us/wc/83456789012/join', 'zoom', '83456789012'],
  ['https://acme.zoom.us/wc/join/9876543210', 'zoom', '9876543210'],
  ['https://us06web.zoom.us/wc/123456789/start', 'zoom', '123456789'],
];

// Near-misses: pages on the meeting hosts that are not meetings, and look-alikes elsewhere.
const NOT_MEETINGS = [
  'https://meet.google.com/',
  'https://meet.google.com/landing',
  'https://meet.google.com/new',
  'https://meet.google.com/abc-defg-hi',
  'https://meet.google.com/abcd-defg-hij',
  'https://meet.google.com/ABC-DEFG-HIJ',
  'https://meet.google.com/abc-defg-hij/extra',
  'https://meet.google.com/lookup/abc-defg-hij',
  'http://meet.google.com/abc-defg-hij',
  'https://meet.google.com.evil.example/abc-defg-hij',
  'https://evil.example/abc-defg-hij',
  'https://meet.google.com:8443/abc-defg-hij',
  'https://app.zoom.us/wc/home',
  'https://app.zoom.us/wc/83456789012',
  'https://app.zoom.us/wc/83456789012/leave',
  'https://app.zoom.us/wc/1234/join',
  'https://app.zoom.us/wc/abc/join',
  'https://zoom.us/j/83456789012',
  'https://zoom.us/wc/join/',
  'https://zoom.us.evil.example/wc/83456789012/join',
  'https://evilzoom.us/wc/83456789012/join',
  'https://app.zoom.us/wc/83456789012/join/../../../x',
  'not a url',
  '',
  'javascript:alert(1)//meet.google.com/abc-defg-hij',
];

describe('meetingFromUrl', () => {
  it.each(MEETINGS)('%s is a %s meeting %s', (url, platform, code) => {
    expect(meetingFromUrl(url)).toEqual({ platform, code });
    expect(isMeetingUrl(url)).toBe(true);
  });

  it.each(NOT_MEETINGS)('%s is not a meeting', (url) => {
    expect(meetingFromUrl(url)).toBeNull();
    expect(isMeetingUrl(url)).toBe(false);
  });
});

describe('isZoomWebAppHome', () => {
  it.each(['https://app.zoom.us/wc/home', 'https://app.zoom.us/wc/home/', 'https://acme.zoom.us/wc/home?from=pwa'])(
    '%s hosts the meeting in iframe#webclient',
    (url) => expect(isZoomWebAppHome(url)).toBe(true),
  );

  it.each(['https://app.zoom.us/wc/83456789012/join', 'https://meet.google.com/wc/home', 'https://app.zoom.us/home'])(
    '%s is not the web-app home',
    (url) => expect(isZoomWebAppHome(url)).toBe(false),
  );
});

describe('meeting identity', () => {
  it('keys a meeting by platform and code, so the same meeting via two URL shapes is one meeting', () => {
    const viaApp = meetingFromUrl('https://app.zoom.us/wc/83456789012/join');
    const viaOldShape = meetingFromUrl('https://zoom.us/wc/join/83456789012');
    expect(meetingKey(viaApp!)).toBe('zoom:83456789012');
    expect(sameMeeting(viaApp, viaOldShape)).toBe(true);
  });

  it('tells two meetings apart', () => {
    expect(
      sameMeeting(
        meetingFromUrl('https://meet.google.com/abc-defg-hij'),
        meetingFromUrl('https://meet.google.com/xyz-defg-hij'),
      ),
    ).toBe(false);
    expect(sameMeeting(null, meetingFromUrl('https://meet.google.com/abc-defg-hij'))).toBe(false);
    expect(sameMeeting(null, null)).toBe(true);
  });
});
