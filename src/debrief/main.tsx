import { render } from 'preact';
import { recordDataLoss } from '../platform/device-settings';
import { whenDataLost } from '../storage/database';
import { announceCommits } from '../platform/commit-announcer';
import { teamSyncSoon } from '../platform/team-sync-soon';
import '../ui/theme.css';
import './debrief.css';
import { DebriefApp } from './DebriefApp';

// Whichever context opens the database first after a loss records it, so the person is told.
whenDataLost(() => void recordDataLoss(Date.now()));
// What this page commits is heard by every other surface, and by team sync (storage/commit.ts).
announceCommits(teamSyncSoon);
render(<DebriefApp />, document.getElementById('app')!);
