import { render } from 'preact';
import * as v from 'valibot';
import { MeetingIdSchema } from '../domain/call';
import '../ui/theme.css';
import '../overlay/overlay.css';
import './sidepanel.css';
import { SidePanelApp } from './SidePanelApp';

const root = document.getElementById('app')!;
// The worker names the tab's meeting in this page's URL when it enables the panel for that tab.
const params = new URLSearchParams(location.search);
const meeting = v.safeParse(MeetingIdSchema, { platform: params.get('platform'), code: params.get('code') });
if (meeting.success) {
  render(<SidePanelApp meeting={meeting.output} />, root);
} else {
  render(
    <p class="error" role="alert">
      This panel doesn’t know its meeting. Open it again from the Ridealong box on the meeting tab.
    </p>,
    root,
  );
}
