/** The video's history, newest first, each event as a time and a sentence. */
import type { History } from './use-video';
import { describeEvent, localTime } from './history-text';

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
      <ol className="video-history" aria-labelledby="video-history-heading">
        {events.map((event, i) => (
          <li key={`${event.at}-${i}`}>
            <time dateTime={event.at}>{localTime(event.at)}</time> <span>{describeEvent(event)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
