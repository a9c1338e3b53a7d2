// Click-jacking: the meeting page can lay an element of its own over this frame (a `popover` sits in the top layer,
// above any z-index) with `pointer-events: none`, so the person sees the page's decoy and their click lands on our
// button. IntersectionObserver v2 (`trackVisibility`) tells this frame whether anything covers it, or it is faded,
// filtered or transformed by the page, as the browser really paints it. While that is so, a pointer click here does
// nothing and the overlay says why. Keys still work: the page can't type into this frame.
// See tests/e2e/hostile-page.e2e.ts, and SECURITY.md for what this can't see.

/** Dispatched on this window when a click was held back; the overlay shows why. */
export const CLICK_BLOCKED = 'ridealong:click-blocked';
/** Dispatched on this window when an unblocked click went through, so the explanation can go. */
export const CLICK_ALLOWED = 'ridealong:click-allowed';

/** The most often the browser may recompute visibility; trackVisibility requires at least 100 ms. */
const CHECK_EVERY_MS = 100;
/**
 * How long a cover must stay before clicks are held back. The browser reports a frame that just grew, or just
 * appeared, as not visible for a moment; nobody can read a decoy and aim at it in this time, so waiting for it costs
 * no protection and keeps an honest quick click working.
 */
const COVER_SETTLES_MS = 300;
/** Pointer events that could act on the overlay. Keyboard activation (a click with `detail` 0) is not among them. */
const POINTER_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick'] as const;

/** 'unchecked' until the first report, a moment after the frame appears: clicks go through, as for 'clear'. */
type Seen = 'unchecked' | 'clear' | 'covered';

/** IntersectionObserver v2 fields, not yet in TypeScript's DOM types. */
interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/**
 * Whether nothing covers, fades, filters or transforms this frame, as the last check found it. How much of the frame
 * is inside the tab is not asked: the content script keeps it inside, and while the frame grows (the panel opening,
 * More unfolding) it is briefly taller than its place, which is no attack.
 */
export function isClear(entry: VisibilityEntry): boolean {
  return entry.isVisible === true;
}

export function guardClicks(): void {
  let seen: Seen = 'unchecked';
  let coveredSince = 0;
  const markOnceSettled = () => {
    if (seen !== 'covered') return;
    const wait = coveredSince + COVER_SETTLES_MS - performance.now();
    if (wait > 0) setTimeout(markOnceSettled, wait);
    else document.documentElement.setAttribute('data-covered', '');
  };
  if (typeof IntersectionObserver === 'undefined' || !('isVisible' in IntersectionObserverEntry.prototype)) {
    // A browser without visibility tracking can't tell; the overlay then works as any in-page panel does.
    seen = 'clear';
  } else {
    // A transparent box over the whole frame, above our own content: what covers it covers us.
    const sentinel = document.createElement('div');
    sentinel.setAttribute('aria-hidden', 'true');
    sentinel.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483647';
    document.body.append(sentinel);
    const options = { threshold: [0], trackVisibility: true, delay: CHECK_EVERY_MS };
    new IntersectionObserver((entries) => {
      const last = entries.at(-1) as VisibilityEntry | undefined;
      if (!last) return;
      const next: Seen = isClear(last) ? 'clear' : 'covered';
      if (next === 'covered' && seen !== 'covered') coveredSince = performance.now();
      seen = next;
      // The state, on our own root where the page can't see it, once clicks are held back: what the e2e tests wait
      // for.
      if (seen === 'clear') document.documentElement.removeAttribute('data-covered');
      else markOnceSettled();
    }, options as IntersectionObserverInit).observe(sentinel);
  }

  const hold = (event: Event) => {
    if (!event.isTrusted) return;
    // A click made with Enter or Space has detail 0: a key pressed in this frame, which the page can't fake.
    if (event.type === 'click' && (event as MouseEvent).detail === 0) return;
    // Moving the overlay out from under whatever covers it stays possible.
    if (event.target instanceof Element && event.target.closest('[data-click-guard="allow"]')) return;
    const held = seen === 'covered' && performance.now() - coveredSince >= COVER_SETTLES_MS;
    if (!held) {
      if (event.type === 'click') window.dispatchEvent(new Event(CLICK_ALLOWED));
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === 'click') window.dispatchEvent(new Event(CLICK_BLOCKED));
  };
  for (const type of POINTER_EVENTS) window.addEventListener(type, hold, { capture: true });
}
