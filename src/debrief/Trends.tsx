import { StorageProblem } from '../ui/storage-problem';
import { useLoad } from '../ui/useLoad';
import { formatClock } from '../domain/call-progress';
import { countOf } from '../domain/counts';
import { repTrends, type RepTrend } from '../domain/trends';
import { listCallsNewestFirst } from '../storage/calls';
import { getDebriefs } from '../storage/debriefs';
import { listNotesForCall } from '../storage/notes';

/** Trends cover the latest calls; enough to see a direction without reading the whole history. */
const CALLS_IN_TRENDS = 300;

export function Trends() {
  const { loaded: trends } = useLoad(async (): Promise<RepTrend[]> => {
    const calls = await listCallsNewestFirst(CALLS_IN_TRENDS);
    const debriefs = await getDebriefs(calls.map((call) => call.id));
    const notes = await Promise.all(calls.map((call) => listNotesForCall(call.id)));
    const records = calls.map((call, index) => ({
      call,
      debrief: debriefs.get(call.id) ?? null,
      notes: notes[index]!,
    }));
    return repTrends(records, Date.now(), localMonth);
  }, []);

  return (
    <>
      <h1>Trends</h1>
      {trends.status === 'loading' && <p class="muted">Loading…</p>}
      {trends.status === 'failed' && (
        <StorageProblem
          error={trends.error}
          onRetry={() => location.reload()}
          onRestore={() => {
            location.hash = '#backup';
          }}
        />
      )}
      {trends.status === 'ready' && trends.value.length === 0 && (
        <p>No calls yet: trends appear after the first debrief.</p>
      )}
      {trends.status === 'ready' &&
        trends.value.map((trend) => (
          <section class="trend" key={trend.rep} aria-label={`Trends for ${trend.rep}`}>
            <h2>
              {trend.rep} <span class="muted">· {countOf(trend.calls, 'call')}</span>
            </h2>
            <ObjectiveBar trend={trend} />
            <dl class="figures">
              <dt>Average overrun</dt>
              <dd>{formatClock(trend.averageOverrunMs)}</dd>
              <dt>Questions covered</dt>
              <dd>{trend.questionsCovered === null ? '—' : `${Math.round(trend.questionsCovered * 100)}%`}</dd>
              <dt>Coaching commitments kept</dt>
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
            {trend.byMonth.length > 1 && <MonthByMonth trend={trend} />}
          </section>
        ))}
    </>
  );
}

/** The local calendar month, "2026-11": a call on the last evening of a month belongs to that month here. */
function localMonth(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

function monthName(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(year, index - 1, 1).toLocaleDateString(undefined, { month: 'short', year: 'numeric' });
}

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/**
 * Month by month: a line for the objective met and one for the questions covered, each point labelled with its
 * value, and the same figures in a table beside it. Line shapes differ (solid, dashed) so colour is never the key.
 */
function MonthByMonth({ trend }: { trend: RepTrend }) {
  const months = trend.byMonth;
  const width = 420;
  const height = 120;
  const x = (index: number) => 30 + (index * (width - 60)) / Math.max(1, months.length - 1);
  const y = (share: number) => 10 + (1 - share) * (height - 30);
  const line = (read: (month: RepTrend['byMonth'][number]) => number | null) =>
    months
      .map((month, index) => [index, read(month)] as const)
      .filter((point): point is readonly [number, number] => point[1] !== null)
      .map(([index, share]) => `${x(index)},${y(share)}`)
      .join(' ');
  const summary = months
    .map(
      (month) =>
        `${monthName(month.month)}: objective met ${percent(month.objectiveMetShare)}, questions ${percent(month.questionsCovered)}`,
    )
    .join('; ');
  return (
    <>
      <h3>Month by month</h3>
      <svg class="months" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        <polyline class="met" points={line((month) => month.objectiveMetShare)} />
        <polyline class="asked" points={line((month) => month.questionsCovered)} />
        {months.map((month, index) => (
          <text key={month.month} x={x(index)} y={height - 4} text-anchor="middle">
            {monthName(month.month)}
          </text>
        ))}
      </svg>
      <p class="legend muted">Solid: objective met. Dashed: questions covered.</p>
      <table class="months-table">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Calls</th>
            <th scope="col">Objective met</th>
            <th scope="col">Average overrun</th>
            <th scope="col">Questions covered</th>
            <th scope="col">Most frequent tag</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{monthName(month.month)}</th>
              <td>{month.calls}</td>
              <td>{percent(month.objectiveMetShare)}</td>
              <td>{formatClock(month.averageOverrunMs)}</td>
              <td>{percent(month.questionsCovered)}</td>
              <td>{month.topTag ? `${month.topTag.tag} (${month.topTag.count})` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
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

/**
 * The most frequent tags as bars. HTML rather than SVG text, so a long tag name wraps and is read whole instead of
 * running under its bar.
 */
function TagBars({ tags }: { tags: RepTrend['topTags'] }) {
  const most = Math.max(...tags.map((tag) => tag.count));
  return (
    <ul class="tag-bars">
      {tags.map((tag) => (
        <li key={tag.tag}>
          <span class="tag-name">{tag.tag}</span>
          <span class="tag-bar" aria-hidden="true">
            <span style={{ width: `${(tag.count / most) * 100}%` }} />
          </span>
          <span class="tag-count">{countOf(tag.count, 'note')}</span>
        </li>
      ))}
    </ul>
  );
}
