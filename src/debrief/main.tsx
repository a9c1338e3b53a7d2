import { render } from 'preact';
import '../ui/theme.css';
import './debrief.css';
import { DebriefApp } from './DebriefApp';

render(<DebriefApp />, document.getElementById('app')!);
