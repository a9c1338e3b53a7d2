import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import source from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { manifestFor } from './scripts/lib/manifest-targets.mjs';

// `vite build` builds for Chrome and Edge into dist/; `vite build --mode firefox` builds for Firefox into
// dist-firefox/, from the same sources.
export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  // crxjs's types want Chrome's manifest shape; the Firefox one differs only in keys Chrome doesn't have.
  const manifest = manifestFor(source, pkg.version, browser) as Parameters<typeof crx>[0]['manifest'];
  return {
    plugins: [
      preact(),
      crx({ manifest, browser, contentScripts: { standaloneFiles: ['src/content/content-script.ts'] } }),
    ],
    build: {
      outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
      // Matches manifest.json's minimum_chrome_version, and Firefox's strict_min_version.
      target: browser === 'firefox' ? 'firefox142' : 'chrome120',
      // Extension pages load from disk: nothing is gained by inlining, and inlined data: URLs would need a CSP change.
      assetsInlineLimit: 0,
      // Chrome supports modulepreload natively; the polyfill would ship a fetch() we promise not to have.
      modulePreload: { polyfill: false },
      rollupOptions: {
        // Pages that no manifest key names: the overlay is reached through web_accessible_resources, the debrief
        // page is opened from the popup, the side panel's page is set per meeting tab by the worker,
        // the companion window is opened from the popup.
        input: {
          overlay: 'src/overlay/overlay.html',
          debrief: 'src/debrief/debrief.html',
          sidepanel: 'src/sidepanel/sidepanel.html',
          companion: 'src/companion/companion.html',
        },
      },
    },
  };
});
