// The private channel to the content script that mounted this frame. The meeting page can post messages to this
// frame too, so the channel is accepted only with the token the content script put in this frame's URL fragment,
// which the page can't read. The channel carries the frame's size, never plan text.

export interface HostChannel {
  reportSize(width: number, height: number): void;
}

export function connectToHost(expectedToken: string): Promise<HostChannel> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { ridealong?: unknown; token?: unknown } | null;
      const port = event.ports[0];
      if (data?.ridealong !== 'connect' || data.token !== expectedToken || !port || expectedToken === '') return;
      window.removeEventListener('message', onMessage);
      resolve({ reportSize: (width, height) => port.postMessage({ type: 'size', width, height }) });
    };
    window.addEventListener('message', onMessage);
  });
}

/** Keeps the host frame exactly as big as the overlay's content, so it never covers the meeting's controls. */
export function followSize(element: HTMLElement, channel: HostChannel): void {
  const report = () => {
    const box = element.getBoundingClientRect();
    channel.reportSize(Math.ceil(box.width), Math.ceil(box.height));
  };
  new ResizeObserver(report).observe(element);
  report();
}
