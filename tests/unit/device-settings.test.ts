// Device settings in chrome.storage.local, with an in-memory stand-in for it: per-meeting flags keep every meeting's
// key (Teams' are long), expire after a week, and a damaged value falls back instead of failing.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const stored = new Map<string, unknown>();
vi.mock('../../src/platform/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async (key: string | null) =>
          Object.fromEntries([...stored].filter(([name]) => key === null || name === key)),
        set: async (values: Record<string, unknown>) => {
          for (const [name, value] of Object.entries(values)) stored.set(name, structuredClone(value));
        },
        remove: async (key: string) => void stored.delete(key),
      },
    },
  },
}));
const settings = await import('../../src/platform/device-settings');

const TEAMS = 'teams:19:meeting_NjY2ZTE4YjAtZWE1OC00YTJlLWE3NGQtYzE0MTA3OTBlZjg3@thread.v2';
const MEET = 'meet:abc-defg-hij';
const DAY = 24 * 60 * 60_000;
const NOW = 1_900_000_000_000;

beforeEach(() => stored.clear());

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
    stored.set(settings.DEVICE_SETTING_KEYS.defaultRole, 'boss');
    expect(await settings.loadDefaultRole()).toBe('rep');
    await settings.saveOverlayPosition({ top: -5, right: 10 });
    expect(await settings.loadOverlayPosition()).toBeNull();
    await settings.saveOverlayPosition({ top: 72, right: 16 });
    expect(await settings.loadOverlayPosition()).toEqual({ top: 72, right: 16 });
  });

  it('use keys of their own, all under ridealong.', () => {
    const keys = Object.values(settings.DEVICE_SETTING_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^ridealong\./);
  });
});
