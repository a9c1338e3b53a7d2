import { render } from 'preact';
import * as v from 'valibot';
import { MeetingIdSchema } from '../domain/call';
import '../ui/theme.css';
import './overlay.css';
import { guardClicks } from './click-guard';
import { connectToHost, followSize } from './host-channel';
import { OverlayApp } from './OverlayApp';

const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
const meeting = v.safeParse(MeetingIdSchema, { platform: params.get('platform'), code: params.get('code') });

// Before anything renders: no click reaches a control while the page covers this frame.
guardClicks();
if (meeting.success) {
  // Set by the content script when the meeting was reached through the page's own history.pushState.
  const arrivedByPage = params.get('arrived') === 'page';
  render(<OverlayApp meeting={meeting.output} arrivedByPage={arrivedByPage} />, root);
} else {
  render(<p class="error">Ridealong could not tell which meeting this is. Reload the tab.</p>, root);
}
void connectToHost(location.hash.slice(1)).then(() => followSize(root));
