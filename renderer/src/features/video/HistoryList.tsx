/**
 * The video's history, newest first, each event as a time and a sentence. Deliveries name their
 * targets, so the targets are read only for a history that has deliveries in it.
 */
import type { VideoEvent } from '../../../../shared/api';
import { useTargets } from '../targets/use-targets';
import type { History } from './use-video';
import { describeEvent, localTime, type TargetName } from './history-text';

const none: TargetName = () => undefined;
const aboutTargets = (event: VideoEvent) => 'target' in event.data || 'targets' in event.data;

function Events({ events, names }: { events: readonly VideoEvent[]; names: TargetName }) {
  return (
    <ol className="video-history" aria-labelledby="video-history-heading">
      {events.map((event, i) => (
        <li key={`${event.at}-${i}`}>
          <time dateTime={event.at}>{localTime(event.at)}</time> <span>{describeEvent(event, localTime, names)}</span>
        </li>
      ))}
    </ol>
  );
}

function NamedEvents({ events }: { events: readonly VideoEvent[] }) {
  const { state } = useTargets();
  const names: TargetName = (id) =>
    state.status === 'ready' ? state.targets.find((t) => t.id === id)?.name : undefined;
  return <Events events={events} names={names} />;
}

export function HistoryList({ history }: { history: History }) {
  const events = [...history.events].reverse();
  return (
    <section className="video-section" aria-labelledby="video-history-heading">
      <h3 id="video-history-heading">History</h3>
      {history.error && (
        <p role="alert" className="page-problem">
          The history could not be loaded: {history.error}
        </p>
      )}
      {events.length === 0 && !history.error && <p className="muted">Nothing has happened to this video yet.</p>}
      {events.some(aboutTargets) ? <NamedEvents events={events} /> : <Events events={events} names={none} />}
    </section>
  );
}
