import { useEffect, useState } from 'preact/hooks';
import { formatClock } from '../domain/call-progress';
import { repTrends, type RepTrend } from '../domain/trends';
import { listCallsNewestFirst } from '../storage/calls';
import { getDebriefs } from '../storage/debriefs';
import { listNotesForCall } from '../storage/notes';

/** Trends cover the latest calls; enough to see a direction without reading the whole history. */
const CALLS_IN_TRENDS = 300;

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; trends: RepTrend[] };

export function Trends() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    void (async () => {
      try {
        const calls = await listCallsNewestFirst(CALLS_IN_TRENDS);
        const debriefs = await getDebriefs(calls.map((call) => call.id));
        const notes = await Promise.all(calls.map((call) => listNotesForCall(call.id)));
        const records = calls.map((call, index) => ({
          call,
          debrief: debriefs.get(call.id) ?? null,
          notes: notes[index]!,
        }));
        setLoaded({ status: 'ready', trends: repTrends(records, Date.now()) });
      } catch (error) {
        setLoaded({ status: 'failed', message: `Ridealong could not read its calls: ${String(error)}` });
      }
    })();
  }, []);

  return (
    <>
      <h1>Trends</h1>
      {loaded.status === 'loading' && <p class="muted">Loading…</p>}
      {loaded.status === 'failed' && (
        <p class="error" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.status === 'ready' && loaded.trends.length === 0 && (
        <p>No calls yet: trends appear after the first debrief.</p>
      )}
      {loaded.status === 'ready' &&
        loaded.trends.map((trend) => (
          <section class="trend" key={trend.rep} aria-label={`Trends for ${trend.rep}`}>
            <h2>
              {trend.rep} <span class="muted">· {trend.calls} calls</span>
            </h2>
            <ObjectiveBar trend={trend} />
            <dl class="figures">
              <dt>Average overrun</dt>
              <dd>{formatClock(trend.averageOverrunMs)}</dd>
              <dt>Questions covered</dt>
              <dd>{trend.questionsCovered === null ? '—' : `${Math.round(trend.questionsCovered * 100)}%`}</dd>
              <dt>Coaching commitments followed up</dt>
              <dd>
                {trend.commitmentsFollowedUp.of === 0
                  ? '—'
                  : `${trend.commitmentsFollowedUp.followed} of ${trend.commitmentsFollowedUp.of}`}
              </dd>
            </dl>
            {trend.topTags.length > 0 && (
              <>
                <h3>Most frequent tags</h3>
                <TagBars tags={trend.topTags} />
              </>
            )}
          </section>
        ))}
    </>
  );
}

/** Objective met: yes / partly / no / not set, as one bar with its numbers written out. */
function ObjectiveBar({ trend }: { trend: RepTrend }) {
  const parts = [
    { key: 'yes', label: 'met', count: trend.objectiveMet.yes },
    { key: 'partly', label: 'partly', count: trend.objectiveMet.partly },
    { key: 'no', label: 'not met', count: trend.objectiveMet.no },
    { key: 'unknown', label: 'not set', count: trend.objectiveUnknown },
  ];
  let x = 0;
  const total = Math.max(1, trend.calls);
  const summary = parts.map((part) => `${part.count} ${part.label}`).join(', ');
  return (
    <figure>
      <figcaption>Objective: {summary}</figcaption>
      <svg class="bar" viewBox="0 0 300 16" role="img" aria-label={`Objective: ${summary}`}>
        {parts.map((part) => {
          const width = (part.count / total) * 300;
          const rect = <rect key={part.key} class={`seg ${part.key}`} x={x} y="0" width={width} height="16" />;
          x += width;
          return rect;
        })}
      </svg>
    </figure>
  );
}

function TagBars({ tags }: { tags: RepTrend['topTags'] }) {
  const most = Math.max(...tags.map((tag) => tag.count));
  return (
    <svg
      class="tag-bars"
      viewBox={`0 0 420 ${tags.length * 22}`}
      role="img"
      aria-label={tags.map((t) => `${t.tag}: ${t.count}`).join(', ')}
    >
      {tags.map((tag, index) => (
        <g key={tag.tag}>
          <text x="0" y={index * 22 + 15}>
            {tag.tag}
          </text>
          <rect class="seg yes" x="200" y={index * 22 + 4} width={(tag.count / most) * 180} height="14" />
          <text x={206 + (tag.count / most) * 180} y={index * 22 + 15}>
            {tag.count}
          </text>
        </g>
      ))}
    </svg>
  );
}
