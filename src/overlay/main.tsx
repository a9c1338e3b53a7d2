import { render } from 'preact';
import * as v from 'valibot';
import { MeetingIdSchema } from '../domain/call';
import '../ui/theme.css';
import './overlay.css';
import { connectToHost, followSize } from './host-channel';
import { OverlayApp } from './OverlayApp';

const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
const meeting = v.safeParse(MeetingIdSchema, { platform: params.get('platform'), code: params.get('code') });

if (meeting.success) {
  render(<OverlayApp meeting={meeting.output} />, root);
} else {
  render(<p class="error">Ridealong could not tell which meeting this is. Reload the tab.</p>, root);
}
void connectToHost(location.hash.slice(1)).then(() => followSize(root));
