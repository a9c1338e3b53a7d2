import { useRef } from 'preact/hooks';
import { moveOverlay } from './host-channel';

const MOVE_STEP_PX = 24;

/** Drag to move the overlay, or focus it and use the arrow keys; the position is remembered on this device. */
export function MoveHandle() {
  const last = useRef<{ x: number; y: number } | null>(null);
  return (
    <button
      class="move-handle"
      data-click-guard="allow"
      aria-label="Move the overlay (drag, or arrow keys)"
      title="Drag to move"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        // Screen coordinates: the frame itself moves while dragging, so client coordinates would drift.
        last.current = { x: event.screenX, y: event.screenY };
      }}
      onPointerMove={(event) => {
        if (!last.current) return;
        moveOverlay(event.screenX - last.current.x, event.screenY - last.current.y, false);
        last.current = { x: event.screenX, y: event.screenY };
      }}
      onPointerUp={() => {
        last.current = null;
        moveOverlay(0, 0, true);
      }}
      onKeyDown={(event) => {
        const step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
        if (!step) return;
        event.preventDefault();
        moveOverlay(step[0]! * MOVE_STEP_PX, step[1]! * MOVE_STEP_PX, true);
      }}
    >
      ⠿
    </button>
  );
}
