// "Float on top": the compact HUD in a Document Picture-in-Picture window, which stays above other applications while
// the desktop meeting app has the focus. The PiP window has no `chrome.runtime` of its own, so nothing runs in it:
// this page renders into its document (a portal), with its stylesheets copied across, and every click there is
// handled here. It closes with this window. A browser has one PiP window at a time: when a meeting site opens its
// own, ours closes, and this page says so.
import { createPortal } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { CallHud, NowTitle } from '../ui/call/CallHud';
import { NoteLine } from '../ui/call/NoteLine';
import type { FloatingHud } from '../sidepanel/SidePanelApp';
import { errorText } from '../domain/text';

interface DocumentPictureInPicture {
  requestWindow(options: { width: number; height: number }): Promise<Window>;
  window: Window | null;
}

function pictureInPicture(): DocumentPictureInPicture | undefined {
  return (window as { documentPictureInPicture?: DocumentPictureInPicture }).documentPictureInPicture;
}

/** The HUD's sizes: the rep's at most 360×200, the manager's at most 360×260 (as on the meeting tab). */
const PIP_SIZE = { rep: { width: 360, height: 200 }, manager: { width: 360, height: 260 } } as const;

/** The PiP document starts blank, at about:blank: it gets this page's rules as text, so nothing has to load. */
function copyStyles(into: Document): void {
  for (const sheet of document.styleSheets) {
    const style = into.createElement('style');
    style.textContent = [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
    into.head.append(style);
  }
  into.documentElement.lang = 'en';
  into.title = 'Ridealong';
  into.body.className = 'pip-body';
}

export function FloatOnTop({ hud }: { hud: FloatingHud }) {
  const [pip, setPip] = useState<Window | null>(null);
  const [closedBy, setClosedBy] = useState<string | null>(null);
  const api = pictureInPicture();

  useEffect(() => {
    if (!pip) return;
    const onClose = () => {
      setPip(null);
      setClosedBy('The floating HUD closed. The call goes on here; float it again when you need it.');
    };
    pip.addEventListener('pagehide', onClose);
    return () => pip.removeEventListener('pagehide', onClose);
  }, [pip]);

  if (!api) {
    return (
      <p class="float-note" role="note">
        This browser can’t float a window on top of other apps: keep this window beside your meeting app.
      </p>
    );
  }

  const float = async () => {
    setClosedBy(null);
    try {
      // Straight from the click: the browser opens a PiP window only in answer to one.
      const opened = await api.requestWindow(PIP_SIZE[hud.call.role]);
      copyStyles(opened.document);
      setPip(opened);
    } catch (error) {
      setClosedBy(`The floating HUD could not open: ${errorText(error)}`);
    }
  };

  return (
    <div class="float">
      {pip ? (
        <button onClick={() => pip.close()}>Stop floating</button>
      ) : (
        <button class="primary" onClick={() => void float()}>
          Float on top
        </button>
      )}
      <span class="muted">
        {pip ? 'The HUD floats above your other windows.' : 'The HUD above the Zoom or Teams app, or anything else.'}
      </span>
      {closedBy && (
        <p class="status" role="status">
          {closedBy}
        </p>
      )}
      {pip &&
        createPortal(
          <section class="overlay panel pip" aria-label="Ridealong">
            <header class="panel-header">
              <NowTitle call={hud.call} now={hud.now} />
            </header>
            <CallHud
              call={hud.call}
              now={hud.now}
              busy={hud.busy}
              fold={false}
              noteLine={(options) => <NoteLine notes={hud.notes} tags={hud.tags} focusRequest={0} {...options} />}
              noteList={null}
              onMove={hud.onMove}
              onTick={() => undefined}
              onEnd={hud.onEnd}
            />
          </section>,
          pip.document.body,
        )}
    </div>
  );
}
