import { render } from 'preact';
import '../ui/theme.css';
import './debrief.css';
import { CallHistory } from './CallHistory';

render(<CallHistory />, document.getElementById('app')!);
