// @ts-check
// The store listing's images, drawn by the browser the screenshots already use: five 1280×800 listing screenshots
// (a surface's screenshot under one plain sentence), the small promo tile (440×280), and the icon at the sizes the
// Chrome Web Store, Edge Add-ons and addons.mozilla.org ask for. `npm run screenshots` writes them to
// screenshots/store/; the listing's words are in store/listing.md.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './extension-browser.mjs';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

/** Each listing screenshot: the surface (a light screenshot taken before) and the sentence above it. */
export const LISTING = [
  ['hud-rep-in-time', 'The rep runs the call: the agreed agenda, where the call is, and the clock, at a glance.'],
  ['hud-manager-more', 'The manager takes silent, timestamped notes, one key per kind of moment.'],
  ['side-panel-manager', 'The whole call beside the meeting, in the side panel: nothing covers the customer.'],
  ['popup-plans', 'Plan the call together: objective, agenda, who leads what, and what the manager must not raise.'],
  ['debrief-call', 'Debrief: the rep speaks first, then the call is replayed. Everything stays in your browser.'],
];

/** Icon sizes the stores ask for, besides the manifest's 16, 32, 48 and 128. */
export const STORE_ICON_SIZES = [96, 128, 300];

const ICON_SVG = () => readFileSync(join(PROJECT_ROOT, 'public/icons/icon.svg'), 'utf8');

/** @param {string} path */
const dataUrl = (path) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;

const PAGE_STYLE = `
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  body { background: #eef2ff; color: #0f172a; display: flex; flex-direction: column; align-items: center; }
`;

/**
 * @param {BrowserContext} context
 * @param {string} shotsDirectory where the surface screenshots are (screenshots/)
 * @returns {Promise<string[]>} the files written
 */
export async function captureStoreListing(context, shotsDirectory) {
  const directory = join(shotsDirectory, 'store');
  mkdirSync(directory, { recursive: true });
  /** @type {string[]} */
  const written = [];
  const page = await context.newPage();

  await page.setViewportSize({ width: 1280, height: 800 });
  for (const [index, [surface, sentence]] of LISTING.entries()) {
    const image = dataUrl(join(shotsDirectory, `${surface}-light.png`));
    await page.setContent(`<!doctype html><style>${PAGE_STYLE}
        h1 { font-size: 34px; font-weight: 650; margin: 36px 64px 24px; text-align: center; line-height: 1.25; }
        .shot { flex: 1; min-height: 0; display: flex; align-items: flex-start; justify-content: center; }
        img { max-width: 1152px; max-height: 640px; border-radius: 12px; box-shadow: 0 8px 32px #0f172a40; }
        /* A whole page taller than the frame shows its top, at its own width. */
        img.top { width: 1152px; height: 640px; object-fit: cover; object-position: top; }
      </style><h1></h1><div class="shot"><img alt=""></div>`);
    await page.locator('h1').evaluate((element, text) => (element.textContent = text), sentence);
    await page.locator('img').evaluate((element, src) => {
      const img = /** @type {HTMLImageElement} */ (element);
      img.src = src;
      return img.decode().then(() => {
        if (img.naturalWidth >= 1000 && img.naturalHeight / img.naturalWidth > 640 / 1152) img.classList.add('top');
      });
    }, image);
    const path = join(directory, `listing-${index + 1}-${surface}.png`);
    await page.screenshot({ path });
    written.push(path);
  }

  await page.setViewportSize({ width: 440, height: 280 });
  await page.setContent(`<!doctype html><style>${PAGE_STYLE}
      body { justify-content: center; gap: 14px; background: #0f172a; color: #fff; }
      svg { width: 96px; height: 96px; } b { font-size: 40px; } span { font-size: 18px; color: #cbd5e1; }
    </style>${ICON_SVG()}<b>Ridealong</b><span>Joint sales calls, planned, run and debriefed</span>`);
  const tile = join(directory, 'promo-small-440x280.png');
  await page.screenshot({ path: tile });
  written.push(tile);

  for (const size of STORE_ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${ICON_SVG()}`,
    );
    const path = join(directory, `icon-${size}.png`);
    await page.screenshot({ path, omitBackground: true });
    written.push(path);
  }
  await page.close();
  return written;
}
