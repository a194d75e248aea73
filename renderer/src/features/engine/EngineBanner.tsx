/**
 * Says when Ferry's engine (its own process) is away: "reconnecting…" while it restarts, and why
 * it stopped, with Retry, once it gave up. When it is back the list is reloaded and the banner
 * says so for a few seconds, then goes.
 */
import { useEngineStatus } from './use-engine-status';
import './engine-banner.css';

export function EngineBanner() {
  const { banner, retrying, retry } = useEngineStatus();
  if (!banner) return null;
  if (banner.kind !== 'stopped')
    return (
      <p role="status" aria-live="polite" className={`banner engine-banner ${banner.kind}`}>
        {banner.text}
      </p>
    );
  return (
    <div role="alert" className="banner engine-banner stopped">
      <p>{banner.text}</p>
      {/* aria-disabled, not disabled: a disabled button would drop the keyboard's focus. */}
      <button type="button" onClick={() => retrying || retry()} aria-disabled={retrying}>
        {retrying ? 'Starting…' : 'Retry'}
      </button>
    </div>
  );
}
