import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest, contentScripts: { standaloneFiles: ['src/content/content-script.ts'] } })],
  build: {
    // Matches manifest.json's minimum_chrome_version.
    target: 'chrome120',
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
});
