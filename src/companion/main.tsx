import { render } from 'preact';
import '../ui/theme.css';
import '../overlay/overlay.css';
import '../sidepanel/sidepanel.css';
import './companion.css';
import { CompanionApp } from './CompanionApp';

const planId = new URLSearchParams(location.search).get('plan') ?? '';
render(<CompanionApp planId={planId} />, document.getElementById('app')!);
