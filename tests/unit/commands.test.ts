// The keyboard commands, with the worker's browser faked: each passes its message to the tab it was pressed in, and
// "hide or show" on a tab without Ridealong puts Ridealong there (the shortcut grants activeTab), remembered for a
// reload on the same site. The e2e tests deliver the same commands to the built worker (runCommand in tests/e2e).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handleCommand } from '../../src/background/commands';
import { DEVICE_SETTING_KEYS } from '../../src/platform/device-settings';
import { ON_DEMAND_FLAG, reloadedTab } from '../../src/platform/on-demand';
import { fakeBrowser } from './fake-browser';

const CONTENT_SCRIPT = 'assets/content-script.js';
const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');
const sendMessage = vi.fn();
const executeScript =
  vi.fn<(injection: { target: { tabId: number }; files?: string[]; args?: unknown[] }) => Promise<unknown[]>>();

beforeEach(() => {
  sendMessage.mockReset().mockResolvedValue(undefined);
  executeScript.mockReset().mockResolvedValue([]);
  Object.assign(fakeBrowser, { tabs: { sendMessage }, scripting: { executeScript } });
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ content_scripts: [{ js: [CONTENT_SCRIPT] }] }) });
});

/** What was run in the tab, in order: the on-demand flag (by its name), then the content script (by its file). */
const injected = () =>
  executeScript.mock.calls.map(([injection]) => (injection.files ? injection.files[0] : injection.args?.[0]));

describe('the keyboard commands', () => {
  it('pass hide/show and take-a-note to the tab they were pressed in', async () => {
    await handleCommand('toggle-overlay', { id: 4, url: 'https://meet.google.com/abc-defg-hij' });
    await handleCommand('focus-note', { id: 4, url: 'https://meet.google.com/abc-defg-hij' });
    expect(sendMessage.mock.calls).toEqual([
      [4, { type: 'ridealong/toggle-overlay' }],
      [4, { type: 'ridealong/focus-note' }],
    ]);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('put Ridealong on a tab without it on hide/show, and remember the tab’s site for a reload', async () => {
    sendMessage.mockRejectedValue(NO_RECEIVER);
    await handleCommand('toggle-overlay', { id: 9, url: 'https://crm.example.test/accounts/hooli' });
    expect(injected()).toEqual([ON_DEMAND_FLAG, CONTENT_SCRIPT]);
    expect(executeScript.mock.calls.every(([injection]) => injection.target.tabId === 9)).toBe(true);
    expect(await fakeBrowser.storage.session.get(DEVICE_SETTING_KEYS.onDemandTabs)).toEqual({
      [DEVICE_SETTING_KEYS.onDemandTabs]: { 9: 'https://crm.example.test' },
    });
  });

  it('do nothing on such a tab for take-a-note, nor for a tab they can’t know or a command they don’t have', async () => {
    sendMessage.mockRejectedValue(NO_RECEIVER);
    await handleCommand('focus-note', { id: 9, url: 'https://crm.example.test/' });
    await handleCommand('toggle-overlay', undefined);
    await handleCommand('toggle-overlay', { url: 'https://crm.example.test/' });
    await handleCommand('open-the-pod-bay-doors', { id: 9 });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('fail quietly on a tab that refuses Ridealong, such as a browser page', async () => {
    sendMessage.mockRejectedValue(NO_RECEIVER);
    executeScript.mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    await expect(handleCommand('toggle-overlay', { id: 2, url: 'chrome://settings/' })).resolves.toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('a tab Ridealong was asked onto, loaded again', () => {
  beforeEach(async () => {
    sendMessage.mockRejectedValue(NO_RECEIVER);
    await handleCommand('toggle-overlay', { id: 9, url: 'https://crm.example.test/accounts/hooli' });
    executeScript.mockClear();
  });

  it('gets Ridealong back on the same site', async () => {
    await reloadedTab(9, 'https://crm.example.test/deals');
    expect(injected()).toEqual([ON_DEMAND_FLAG, CONTENT_SCRIPT]);
  });

  it('is forgotten on another site, and a tab never asked onto gets nothing', async () => {
    await reloadedTab(9, 'https://other.example.test/deals');
    await reloadedTab(9, 'https://crm.example.test/deals');
    await reloadedTab(10, 'https://crm.example.test/deals');
    expect(executeScript).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get(DEVICE_SETTING_KEYS.onDemandTabs)).toEqual({
      [DEVICE_SETTING_KEYS.onDemandTabs]: {},
    });
  });
});
