/**
 * Where the video is being delivered: per target, how (push or pull, and why a pull became a
 * push), where it is in words, the service's id for it (copyable), where the service plays it and
 * what went wrong. Failed deliveries are sent again by the video's retry, all of them at once.
 */
import type { DeliveryTarget } from '../../../../shared/delivery-targets';
import type { Delivery, Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';
import { serviceName } from '../targets/target-text';
import { useTargets } from '../targets/use-targets';
import { deliveryModeText, deliveryStateText, showsProgress } from './delivery-text';
import './deliveries.css';

function DeliveryItem({ delivery, target }: { delivery: Delivery; target: DeliveryTarget | undefined }) {
  const { platform, report, tell } = useApp();
  const name = target?.name ?? delivery.target;
  const state = deliveryStateText(delivery);
  const copyId = (id: string) =>
    platform
      .copyText(id)
      .then(() => tell(`The id at ${name} is on the clipboard.`))
      .catch(report);
  return (
    <li className={`delivery delivery-${delivery.state}`}>
      <div className="delivery-head">
        <h4>{name}</h4>
        <span className="muted">
          {target ? serviceName(target.provider) : 'A target since removed'} · {deliveryModeText[delivery.mode]}
        </span>
      </div>
      <p className="delivery-state">{state}</p>
      {showsProgress(delivery) && <progress max={100} value={delivery.pctComplete} aria-label={`${name}: ${state}`} />}
      {delivery.notice && <p className="delivery-notice">{delivery.notice}</p>}
      {delivery.error && <p className="page-problem">{delivery.error}</p>}
      {(delivery.remoteId || delivery.playbackUrl) && (
        <dl className="delivery-facts">
          {delivery.remoteId && (
            <div>
              <dt>Id at the service</dt>
              <dd>
                <code>{delivery.remoteId}</code>{' '}
                <button
                  type="button"
                  aria-label={`Copy the id at ${name}`}
                  onClick={() => copyId(delivery.remoteId ?? '')}
                >
                  Copy
                </button>
              </dd>
            </div>
          )}
          {delivery.playbackUrl && (
            <div>
              <dt>Plays at</dt>
              <dd>
                <a href={delivery.playbackUrl} target="_blank" rel="noreferrer">
                  {delivery.playbackUrl}
                  <span className="visually-hidden"> (opens outside Ferry)</span>
                </a>
              </dd>
            </div>
          )}
        </dl>
      )}
    </li>
  );
}

/** Nothing at all for a video with no deliveries, so its page does not ask for the targets. */
export function DeliveriesSection({ video }: { video: Video }) {
  return video.deliveries.length > 0 ? <Deliveries video={video} /> : null;
}

function Deliveries({ video }: { video: Video }) {
  const { api, report } = useApp();
  // The targets' names and services; a delivery to a target removed since shows its id.
  const { state } = useTargets();
  const targets = state.status === 'ready' ? state.targets : [];
  const failed = video.deliveries.filter((d) => d.state === 'error').length;
  return (
    <section className="video-section" aria-labelledby="video-deliveries-heading">
      <h3 id="video-deliveries-heading">Deliveries</h3>
      <ul className="deliveries">
        {video.deliveries.map((delivery) => (
          <DeliveryItem
            key={delivery.target}
            delivery={delivery}
            target={targets.find((t) => t.id === delivery.target)}
          />
        ))}
      </ul>
      {failed > 0 && (
        <button type="button" onClick={() => api.retry({ uids: [video.uid] }).catch(report)}>
          {failed === 1 ? 'Retry the failed delivery' : `Retry the ${failed} failed deliveries`}
        </button>
      )}
    </section>
  );
}
