// Requests to the service worker survive a worker that stops mid-request, without ever repeating what can't be
// repeated safely.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('../../src/platform/browser', () => ({ browser: { runtime: { sendMessage } } }));
const { requestFromServiceWorker } = await import('../../src/platform/request');

const UNANSWERED = new Error(
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
);
const NOT_DELIVERED = new Error('Could not establish connection. Receiving end does not exist.');
const MEETING = { platform: 'meet', code: 'abc-defg-hij' } as const;

beforeEach(() => {
  sendMessage.mockReset();
  vi.useFakeTimers();
});

async function settle<T>(promise: Promise<T>): Promise<T> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  const result = await outcome;
  if ('error' in result) throw result.error;
  return result.value;
}

describe('requests to the service worker', () => {
  it('send a note again when the worker stopped before it answered, and resolve with the reply', async () => {
    sendMessage.mockRejectedValueOnce(UNANSWERED).mockResolvedValueOnce({ ok: true, value: 'stored' });
    expect(await settle(requestFromServiceWorker({ type: 'notes/list', callId: 'c' }))).toBe('stored');
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('treat an empty reply as unanswered: the polyfill turns a closed port into one', async () => {
    sendMessage.mockResolvedValueOnce(undefined).mockResolvedValueOnce({ ok: true, value: 'listed' });
    expect(await settle(requestFromServiceWorker({ type: 'notes/list', callId: 'c' }))).toBe('listed');
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('never repeat a start that got an empty reply: it may have started the call', async () => {
    sendMessage.mockResolvedValue(undefined);
    await expect(
      settle(requestFromServiceWorker({ type: 'call/start', planId: 'p', meeting: MEETING, role: 'rep' })),
    ).rejects.toThrow('Ridealong’s background worker did not answer.');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('never start a call twice: an unanswered start is reported, not repeated', async () => {
    sendMessage.mockRejectedValue(UNANSWERED);
    await expect(
      settle(requestFromServiceWorker({ type: 'call/start', planId: 'p', meeting: MEETING, role: 'rep' })),
    ).rejects.toThrow('Ridealong’s background worker did not answer.');
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('send a start again when it was never delivered (the worker was still starting)', async () => {
    sendMessage.mockRejectedValueOnce(NOT_DELIVERED).mockResolvedValueOnce({ ok: true, value: 'call' });
    expect(
      await settle(requestFromServiceWorker({ type: 'call/start', planId: 'p', meeting: MEETING, role: 'rep' })),
    ).toBe('call');
  });

  it('give up after a few tries with a message a person understands, never the browser’s', async () => {
    sendMessage.mockRejectedValue(UNANSWERED);
    const failure = settle(requestFromServiceWorker({ type: 'notes/list', callId: 'c' }));
    await expect(failure).rejects.toThrow(/^Ridealong’s background worker did not answer\.$/);
    expect(sendMessage).toHaveBeenCalledTimes(5);
  });

  it('pass the worker’s own refusal through, without trying again', async () => {
    sendMessage.mockResolvedValue({ ok: false, error: 'That plan no longer exists. Pick another one.' });
    await expect(settle(requestFromServiceWorker({ type: 'meeting/state', meeting: MEETING }))).rejects.toThrow(
      'That plan no longer exists.',
    );
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
