// @ts-check
// `npm run screenshots`: builds, then writes PNGs of every surface (popup, overlay on the demo meeting, call history)
// in the light and the dark theme to screenshots/, and the store listing's images to screenshots/store/.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { INSTALL_BROWSER_HELP, PROJECT_ROOT, findBrowser, launchWithExtension } from './lib/extension-browser.mjs';
import { captureSurfaces } from './lib/demo.mjs';
import { captureStoreListing } from './lib/store-listing.mjs';

const executablePath = findBrowser();
if (!executablePath) {
  console.error(INSTALL_BROWSER_HELP);
  process.exit(1);
}
await build({ root: PROJECT_ROOT, logLevel: 'warn' });
const directory = join(PROJECT_ROOT, 'screenshots');
for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
  const { context, extensionId, profileDir } = await launchWithExtension({ executablePath, colorScheme });
  for (const file of await captureSurfaces(context, extensionId, directory, colorScheme)) console.log(file);
  if (colorScheme === 'light') for (const file of await captureStoreListing(context, directory)) console.log(file);
  await context.close();
  rmSync(profileDir, { recursive: true, force: true });
}
