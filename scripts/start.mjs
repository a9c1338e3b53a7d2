// @ts-check
// `npm start`: builds the extension and opens Chromium with it on a demo Google Meet call and a sample joint-call
// plan. The meeting page is served locally by routing its URL inside the launched browser; the real site is never
// contacted. With no display (a server, CI), it runs headless and writes screenshots of the demo instead.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { INSTALL_BROWSER_HELP, PROJECT_ROOT, findBrowser, launchWithExtension } from './lib/extension-browser.mjs';
import { OverlayFrame } from '../tests/e2e/pages/overlay.mjs';
import { captureSurfaces, openDemoMeeting, seedSamplePlan } from './lib/demo.mjs';

const executablePath = findBrowser();
if (!executablePath) {
  console.error(INSTALL_BROWSER_HELP);
  process.exit(1);
}

console.log('Building the extension into dist/ …');
await build({ root: PROJECT_ROOT, logLevel: 'warn' });

const hasDisplay =
  process.platform === 'darwin' ||
  process.platform === 'win32' ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const { context, extensionId, profileDir } = await launchWithExtension({
  executablePath,
  headless: !hasDisplay,
  viewport: hasDisplay ? null : undefined,
});
console.log(`Ridealong is loaded (extension id ${extensionId}) in ${executablePath}.`);

if (!hasDisplay) {
  const directory = join(PROJECT_ROOT, 'screenshots');
  const files = await captureSurfaces(context, extensionId, directory, 'demo');
  await context.close();
  rmSync(profileDir, { recursive: true, force: true });
  console.log('No display found, so the demo ran headless. Screenshots:');
  for (const file of files) console.log(`  ${file}`);
  process.exit(0);
}

await seedSamplePlan(context, extensionId);
const { overlay } = await openDemoMeeting(context);
await new OverlayFrame(overlay).expand();
console.log('The demo meeting is open with a sample plan. Close the browser window to stop.');
await new Promise((resolve) => context.on('close', resolve));
rmSync(profileDir, { recursive: true, force: true });
