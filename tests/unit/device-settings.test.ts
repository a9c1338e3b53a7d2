// Device settings in chrome.storage.local (the in-memory one every unit test has, see fake-browser.ts): per-meeting
// flags keep every meeting's key (Teams' are long), expire after a week, and a damaged value falls back instead of
// failing.
import { describe, expect, it } from 'vitest';
import * as settings from '../../src/platform/device-settings';
import { fakeBrowser } from './fake-browser';

const TEAMS = 'teams:19:meeting_NjY2ZTE4YjAtZWE1OC00YTJlLWE3NGQtYzE0MTA3OTBlZjg3@thread.v2';
const MEET = 'meet:abc-defg-hij';
const DAY = 24 * 60 * 60_000;
const NOW = 1_900_000_000_000;

describe('device settings', () => {
  it('remember a Teams meeting’s flags beside a Meet one’s, and lose neither', async () => {
    await settings.setOverlayExpandedFor(MEET, true, NOW);
    await settings.setOverlayExpandedFor(TEAMS, true, NOW);
    expect(await settings.isOverlayExpandedFor(TEAMS)).toBe(true);
    expect(await settings.isOverlayExpandedFor(MEET)).toBe(true);
    await settings.setMeetingDismissed(TEAMS, true, NOW);
    expect(await settings.isMeetingDismissed(TEAMS)).toBe(true);
    expect(await settings.isMeetingDismissed(MEET)).toBe(false);
  });

  it('forget a meeting’s flag after a week, when the next one is written', async () => {
    await settings.setMeetingDismissed(MEET, true, NOW);
    await settings.setMeetingDismissed(TEAMS, true, NOW + 8 * DAY);
    expect(await settings.isMeetingDismissed(MEET)).toBe(false);
    expect(await settings.isMeetingDismissed(TEAMS)).toBe(true);
  });

  it('fall back to the default for a damaged value, and store only a sane overlay position', async () => {
    await fakeBrowser.storage.local.set({ [settings.DEVICE_SETTING_KEYS.defaultRole]: 'boss' });
    expect(await settings.loadDefaultRole()).toBe('rep');
    await settings.saveOverlayPosition({ top: -5, right: 10 });
    expect(await settings.loadOverlayPosition()).toBeNull();
    await settings.saveOverlayPosition({ top: 72, right: 16 });
    expect(await settings.loadOverlayPosition()).toEqual({ top: 72, right: 16 });
  });

  it('keep the default role, auto-start and the last backup, and forget a data loss once it has been seen', async () => {
    expect(await settings.loadDefaultRole()).toBe('rep');
    await settings.saveDefaultRole('manager');
    expect(await settings.loadDefaultRole()).toBe('manager');
    expect(await settings.loadAutoStart()).toBe(false);
    await settings.saveAutoStart(true);
    expect(await settings.loadAutoStart()).toBe(true);
    expect(await settings.loadLastBackupAt()).toBeNull();
    await settings.saveLastBackupAt(NOW);
    expect(await settings.loadLastBackupAt()).toBe(NOW);
    await settings.recordDataLoss(NOW);
    expect(await settings.loadDataLossAt()).toBe(NOW);
    await settings.clearDataLoss();
    expect(await settings.loadDataLossAt()).toBeNull();
  });

  it('are closed to content scripts by the worker', async () => {
    await settings.closeStorageToContentScripts();
    expect(fakeBrowser.storage.local.accessLevel).toBe('TRUSTED_CONTEXTS');
  });
});
