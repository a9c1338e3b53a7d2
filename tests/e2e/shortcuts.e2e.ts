// Chromium silently leaves a suggested key unbound when it clashes with one of its own accelerators: Alt+Shift+N is
// "New split tab" and Alt+Shift+R "Reading mode", and a fresh profile showed "Not set" for both. Headless Chromium
// never delivers key presses to extension commands (see /work/shared/FACTS.md), so this reads the bindings instead:
// from chrome.commands in the worker, and from chrome://extensions/shortcuts as a person sees them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/lib/extension-browser.mjs';
import { type ExtensionBrowser, startExtensionBrowser } from './extension-fixture';

interface ManifestCommand {
  description: string;
  suggested_key?: Record<string, string>;
}

/** The commands the built extension declares, so a command added later is checked without touching this file. */
const declared = Object.entries(
  (JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { commands: Record<string, ManifestCommand> })
    .commands,
);

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startExtensionBrowser();
});

afterAll(() => browser?.close());

describe('keyboard commands on a fresh profile', () => {
  it('declares its commands, each with a suggested key', () => {
    // Alt+Shift+O for the side panel: no accelerator of Chromium's uses it on Windows, macOS, Linux or ChromeOS.
    expect(declared.map(([name]) => name).sort()).toEqual(['focus-note', 'open-side-panel', 'toggle-overlay']);
    for (const [, command] of declared) expect(command.suggested_key?.default).toMatch(/\S/);
  });

  it('binds every suggested key: chrome.commands reports it as the shortcut', async () => {
    const worker = browser.context.serviceWorkers().at(-1)!;
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    for (const [name, command] of declared) {
      // Chromium on Linux, as here, uses the "linux" key when there is one.
      const suggested = command.suggested_key?.linux ?? command.suggested_key?.default;
      expect(commands.find((bound) => bound.name === name)?.shortcut, name).toBe(suggested);
    }
  });

  it('shows a key, not "Not set", for every command at chrome://extensions/shortcuts', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://extensions/shortcuts');
    // The page is nested open shadow roots; role locators reach into them.
    for (const [, command] of declared) {
      const field = page.getByRole('textbox', { name: `Shortcut ${command.description} for Ridealong`, exact: true });
      await field.waitFor();
      // An unbound command shows an empty field whose placeholder says "Not set": read what a person sees.
      const shown = async () => (await field.inputValue()) || ((await field.getAttribute('placeholder')) ?? '');
      // The page spaces the keys out ("Alt + Shift + H"); compare the keys, not the spacing.
      const suggested = command.suggested_key?.linux ?? command.suggested_key?.default ?? '';
      await expect
        .poll(async () => (await shown()).replace(/\s*\+\s*/g, '+'), { message: command.description })
        .toBe(suggested);
    }
    await page.close();
  });
});
