// The surfaces the accessibility suite checks beyond the popup and the debrief pages. Each entry opens a surface in
// the browser given and returns the page or frame to check, in the state named.
//
// ▶ PLACE FOR THE OVERLAY STATES AND THE SIDE PANEL: return them from `inCallSurfaces` (the pill, the HUD for each
//   role, the ask cue, the side panel page), and tests/e2e/accessibility.e2e.ts checks each one in light and dark,
//   expecting no serious or critical axe violations. Nothing else needs to change.
import type { Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness';

export interface Surface {
  /** Shown in the test's name and its failure message, e.g. "the HUD, rep, near the end". */
  name: string;
  /** Opens the surface in its state and returns what axe runs on. */
  open(browser: ExtensionBrowser): Promise<Page | Frame>;
}

/** The in-call surfaces: the overlay's states on a meeting tab, and the side panel. None yet. */
export function inCallSurfaces(): Surface[] {
  return [];
}
