// @ts-check
// One source manifest (manifest.json, shaped for Chrome and Edge) and one version (package.json's), turned into the
// manifest each browser is given. vite.config.ts applies these; tests/unit/manifest-targets.test.ts checks them.

/** The side panel's page; in Firefox it is the sidebar's page (`sidebar_action`). */
const CALL_PANEL_PAGE = 'src/sidepanel/sidepanel.html';

/** Firefox's id for Ridealong. An id is required for `browser.storage` and for addons.mozilla.org. */
export const GECKO_ID = 'ridealong@ridealong.app';

/**
 * Firefox 140 is the first to read `data_collection_permissions`, which addons.mozilla.org asks of every new
 * extension, and 140 is the ESR Debian ships (bookworm's firefox-esr is 140.x): the smoke suite installs there.
 * Firefox for Android reads it only from 142, so Android gets its own minimum (addons-linter checks both).
 */
export const GECKO_MIN_VERSION = '140.0';
export const GECKO_ANDROID_MIN_VERSION = '142.0';

/**
 * @typedef {Record<string, any> & { permissions?: string[], background?: Record<string, any> }} Manifest
 * @typedef {'chrome' | 'firefox'} Target
 */

/**
 * @param {Manifest} source manifest.json as written (no version: package.json has it)
 * @param {string} version package.json's version
 * @param {Target} target
 * @returns {Manifest}
 */
export function manifestFor(source, version, target) {
  if ('version' in source) throw new Error('manifest.json must not carry a version: package.json has the one.');
  const chrome = { ...source, version };
  return target === 'firefox' ? firefoxManifest(chrome) : chrome;
}

/**
 * Firefox runs the same sources: an event page (`background.scripts`) instead of a service worker, its sidebar
 * instead of Chrome's side panel, and no `minimum_chrome_version`. `use_dynamic_url`, which Firefox lacks, is
 * dropped by crxjs's Firefox target (a `moz-extension://` host is random per installation anyway).
 * @param {Manifest} chrome
 * @returns {Manifest}
 */
function firefoxManifest(chrome) {
  const { minimum_chrome_version: _chromeOnly, background, permissions = [], ...rest } = chrome;
  if (!background?.service_worker) throw new Error('manifest.json names no background.service_worker.');
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    permissions: permissions.filter((permission) => permission !== 'sidePanel'),
    sidebar_action: {
      default_title: chrome.action?.default_title ?? chrome.name,
      default_panel: CALL_PANEL_PAGE,
      default_icon: chrome.action?.default_icon,
      open_at_install: false,
    },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  };
}
