// One source manifest and package.json's version give the Chrome and the Firefox manifests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GECKO_ID, manifestFor } from '../../scripts/lib/manifest-targets.mjs';

const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('manifestFor', () => {
  it('gives Chrome the source manifest with package.json’s version, the one place the version is written', () => {
    const chrome = manifestFor(source, version, 'chrome');
    expect(chrome).toEqual({ ...source, version });
    expect(() => manifestFor({ ...source, version: '9.9.9' }, version, 'chrome')).toThrow(/package.json/);
  });

  it('gives Firefox an event page, its sidebar for the side panel, a gecko id and no data collection', () => {
    const firefox = manifestFor(source, version, 'firefox');
    expect(firefox.version).toBe(version);
    expect(firefox.background).toEqual({ scripts: ['src/background/service-worker.ts'], type: 'module' });
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.permissions).toEqual(expect.arrayContaining(['storage', 'activeTab', 'scripting']));
    expect(firefox.sidebar_action).toMatchObject({
      default_panel: 'src/sidepanel/sidepanel.html',
      open_at_install: false,
    });
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    // The same meeting sites, the same content script, the same commands.
    expect(firefox.host_permissions).toEqual(source.host_permissions);
    expect(firefox.content_scripts).toEqual(source.content_scripts);
    expect(firefox.commands).toEqual(source.commands);
  });

  it('names the extension and describes it through _locales, as the stores ask', () => {
    const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
      string,
      { message: string }
    >;
    expect(source.name).toBe('__MSG_extName__');
    expect(source.default_locale).toBe('en');
    expect(messages.extName!.message).toBe('Ridealong');
    // Chrome Web Store's limit for the short description.
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});
