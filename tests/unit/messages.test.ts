import { describe, expect, it } from 'vitest';
import { isTrustedSender, parseOverlayRequest } from '../../src/platform/messages';

const MEETING = { platform: 'meet', code: 'abc-defg-hij' };
const EXTENSION_ID = 'cecpmgecdffjijkjcjgdoklomefnejlc';

describe('parseOverlayRequest', () => {
  it.each([
    { type: 'meeting/state', meeting: MEETING },
    { type: 'call/start', planId: 'plan-1', meeting: { platform: 'zoom', code: '83456789012' }, role: 'manager' },
    { type: 'call/moveTo', callId: 'call-1', toItemIndex: 2, role: 'rep' },
    { type: 'call/tickQuestion', callId: 'call-1', questionId: 'q-1', ticked: true },
    { type: 'call/alive', callId: 'call-1' },
    { type: 'call/end', callId: 'call-1' },
    { type: 'plans/search', query: 'acme' },
    { type: 'notes/list', callId: 'call-1' },
    { type: 'notes/delete', callId: 'call-1', noteId: 'n-1' },
  ])('accepts $type', (message) => {
    expect(parseOverlayRequest(message)).toEqual({ ok: true, request: message });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'meeting/state'],
    ['an array', [{ type: 'meeting/state', meeting: MEETING }]],
    ['an unknown type', { type: 'plans/deleteAll' }],
    ['a missing field', { type: 'meeting/state' }],
    ['an extra field', { type: 'meeting/state', meeting: MEETING, sql: 'drop' }],
    ['a wrong platform', { type: 'meeting/state', meeting: { platform: 'webex', code: 'abc-defg-hij' } }],
    ['a malformed meeting code', { type: 'meeting/state', meeting: { platform: 'meet', code: '../../etc' } }],
    ['a role that does not exist', { type: 'call/start', planId: 'plan-1', meeting: MEETING, role: 'customer' }],
    ['an empty id', { type: 'call/start', planId: '', meeting: MEETING, role: 'rep' }],
    ['a huge id', { type: 'call/start', planId: 'x'.repeat(10_000), meeting: MEETING, role: 'rep' }],
    ['a fractional item', { type: 'call/moveTo', callId: 'call-1', toItemIndex: 1.5, role: 'rep' }],
    ['a negative item', { type: 'call/moveTo', callId: 'call-1', toItemIndex: -1, role: 'rep' }],
    ['a string item', { type: 'call/moveTo', callId: 'call-1', toItemIndex: '1', role: 'rep' }],
    ['a note without its call', { type: 'notes/save', note: { id: 'n-1', text: 'hi' } }],
    [
      'a note far too long',
      {
        type: 'notes/save',
        note: {
          schemaVersion: 1,
          id: 'n-1',
          callId: 'c',
          at: 1,
          offsetMs: 0,
          itemIndex: 0,
          tag: null,
          text: 'x'.repeat(2000),
          author: 'manager',
          stepIn: false,
        },
      },
    ],
    [
      'a prototype-pollution key',
      JSON.parse(
        '{"type":"meeting/state","meeting":{"platform":"meet","code":"abc-defg-hij"},"__proto__":{"admin":true}}',
      ),
    ],
  ])('rejects %s', (_, message) => {
    const parsed = parseOverlayRequest(message);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^Malformed request/);
  });
});

describe('isTrustedSender', () => {
  it('trusts our own extension pages and the overlay frame', () => {
    expect(
      isTrustedSender(
        { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/src/overlay/overlay.html?x#t` },
        EXTENSION_ID,
      ),
    ).toBe(true);
  });

  it('trusts them in Firefox, where they are moz-extension:// pages', () => {
    const firefox = { id: 'ridealong@ridealong.app', url: 'moz-extension://6c0f1d2e-3a4b/src/popup/popup.html' };
    expect(isTrustedSender(firefox, 'ridealong@ridealong.app')).toBe(true);
    expect(
      isTrustedSender({ ...firefox, url: 'https://meet.google.com/abc-defg-hij' }, 'ridealong@ridealong.app'),
    ).toBe(false);
  });

  it.each([
    ['a content script on the meeting page', { id: EXTENSION_ID, url: 'https://meet.google.com/abc-defg-hij' }],
    [
      'another extension',
      { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/x.html' },
    ],
    ['a sender without a URL', { id: EXTENSION_ID }],
    ['a sender with a broken URL', { id: EXTENSION_ID, url: 'not a url' }],
    ['a web page', { url: 'https://evil.example/' }],
  ])('refuses %s', (_, sender) => {
    expect(isTrustedSender(sender, EXTENSION_ID)).toBe(false);
  });
});
