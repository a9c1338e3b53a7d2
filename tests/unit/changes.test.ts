// Every surface of a call hears of each change through the worker. A change is taken only from this extension's own
// contexts and only in its exact shape: the HUD and the side panel never draw a record nobody validated.
import { describe, expect, it, vi } from 'vitest';
import { startCall } from '../../src/domain/call';
import { PLAN } from './fixtures';

const listeners: ((message: unknown, sender: unknown) => unknown)[] = [];
vi.mock('../../src/platform/browser', () => ({
  browser: {
    runtime: {
      id: 'ours',
      onMessage: { addListener: (listener: never) => listeners.push(listener), removeListener: vi.fn() },
    },
  },
}));
const { changeFor, listenForChanges } = await import('../../src/platform/changes');

const call = startCall(PLAN, 'rep', { platform: 'meet', code: 'abc-defg-hij' }, 1_900_000_000_000, 'call-1');
const WORKER = { id: 'ours', url: 'chrome-extension://ours/service-worker-loader.js' };

describe('changes between the surfaces of a call', () => {
  it('name what a write changed, and nothing for reads or the "still on screen" mark', () => {
    expect(changeFor({ type: 'call/moveTo', callId: 'call-1', toItemIndex: 1, role: 'rep' }, call)).toEqual({
      type: 'changed/call',
      call,
    });
    expect(changeFor({ type: 'notes/delete', callId: 'call-1', noteId: 'n' }, null)).toEqual({
      type: 'changed/note-deleted',
      callId: 'call-1',
      noteId: 'n',
    });
    expect(changeFor({ type: 'call/alive', callId: 'call-1' }, call)).toBeNull();
    expect(changeFor({ type: 'notes/list', callId: 'call-1' }, [])).toBeNull();
  });

  it('reach a listener from the worker, and never from a web page, a content script or in a wrong shape', () => {
    const heard: unknown[] = [];
    listenForChanges((change) => heard.push(change));
    const deliver = (message: unknown, sender: unknown) => listeners.forEach((listener) => listener(message, sender));
    deliver({ type: 'changed/call', call }, WORKER);
    deliver({ type: 'changed/call', call }, { id: 'ours', url: 'https://meet.google.com/abc-defg-hij' });
    deliver({ type: 'changed/call', call }, { id: 'other', url: 'chrome-extension://other/x.html' });
    deliver({ type: 'changed/call', call: { ...call, role: 'boss' } }, WORKER);
    deliver({ type: 'changed/note-deleted', callId: 'call-1', noteId: 'n', extra: 1 }, WORKER);
    expect(heard).toEqual([{ type: 'changed/call', call }]);
  });

  it('never claim a reply, so requests to the worker are answered by the worker', () => {
    listenForChanges(() => undefined);
    expect(listeners.at(-1)!({ type: 'meeting/state' }, WORKER)).toBeUndefined();
  });
});
