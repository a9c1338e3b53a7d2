// Everything the e2e files used to import from here, from where it lives now: the extension fixture, the page
// objects in pages/, and the database helpers. New tests import from those modules directly.
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
