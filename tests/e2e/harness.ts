// What the e2e files used to import from here, re-exported from where it lives now: the extension fixture
// (extension-fixture.ts), the page objects (pages/) and the database helpers (database.ts). No file here imports it
// any more; it stays only so that branches written against the old harness still build once merged. Delete it then.
export {
  extensionUrl,
  reloadExtensionUnder,
  runCommand,
  serviceWorkerTargets,
  startExtensionBrowser,
  startExtensionBrowserWithPlans,
  stopServiceWorker,
  type ExtensionBrowser,
} from './extension-fixture';
export { holdStore, storedPlans, storedRecords } from './database';
export {
  OVERLAY_HOST,
  OverlayFrame,
  openMeeting,
  overlayFrames,
  waitForNoOverlay,
  waitForOverlay,
} from './pages/overlay.mjs';
export { PopupPage, fillEverySection, type PlanInput } from './pages/popup.mjs';
