import { render } from 'preact';
import { recordDataLoss } from '../platform/device-settings';
import { whenDataLost } from '../storage/database';
import '../ui/theme.css';
import './popup.css';
import { PopupApp } from './PopupApp';

// Whichever context opens the database first after a loss records it, so the person is told.
whenDataLost(() => void recordDataLoss(Date.now()));
render(<PopupApp />, document.getElementById('app')!);
