// Every control reachable by keyboard: Tab walks the page from the top, and each visible, enabled control must take
// the focus on the way. A composite widget with one tab stop (the timeline's notes, stepped with the arrow keys)
// is reached through that stop, so only native controls and anything with a tabindex of 0 are counted.
import type { Page } from 'playwright-core';

const CONTROLS =
  'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** Describes each visible, enabled control that Tab never reaches, e.g. `button "Remove item 2"`. */
export async function controlsTabSkips(page: Page): Promise<string[]> {
  const count = await page.evaluate((selector) => {
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
    };
    const controls = [...document.querySelectorAll(selector)].filter(
      (element) => visible(element) && !(element as HTMLButtonElement).disabled,
    );
    controls.forEach((element, index) => element.setAttribute('data-tab-check', String(index)));
    (document.activeElement as HTMLElement | null)?.blur();
    return controls.length;
  }, CONTROLS);
  const reached = new Set<string>();
  // Twice the controls, and a little more: radios in a group take one stop, so this is always enough.
  for (let press = 0; press < count * 2 + 10; press++) {
    await page.keyboard.press('Tab');
    const index = await page.evaluate(() => document.activeElement?.getAttribute('data-tab-check') ?? null);
    if (index !== null) reached.add(index);
  }
  return page.evaluate(
    (reachedIndexes) => {
      const seen = new Set(reachedIndexes);
      const skipped: string[] = [];
      const radioGroupsReached = new Set<string>();
      for (const element of document.querySelectorAll<HTMLInputElement>('[data-tab-check]')) {
        if (seen.has(element.dataset.tabCheck!) && element.type === 'radio') radioGroupsReached.add(element.name);
      }
      for (const element of document.querySelectorAll<HTMLElement>('[data-tab-check]')) {
        const index = element.dataset.tabCheck!;
        element.removeAttribute('data-tab-check');
        if (seen.has(index)) continue;
        // Radios of one group are one tab stop; the arrow keys move between them.
        if (element instanceof HTMLInputElement && element.type === 'radio' && radioGroupsReached.has(element.name))
          continue;
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
        skipped.push(`${element.tagName.toLowerCase()} "${name}"`);
      }
      return skipped;
    },
    [...reached],
  );
}
