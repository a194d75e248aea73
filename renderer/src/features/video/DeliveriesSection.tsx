/**
 * Where the video is being delivered: per target, how (push or pull, and why a pull became a
 * push), where it is in words, the service's id for it (copyable), where the service plays it and
 * what went wrong. Failed deliveries are sent again by the video's retry, all of them at once,
 * keeping what was uploaded; "Deliver again" sends one from the start (it failed, or the video was
 * removed at the service), and "Deliver to…" sends a ready video to any target, added since or not.
 */
import { useState } from 'react';
import type { DeliveryTarget } from '../../../../shared/delivery-targets';
import type { Delivery, Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';
import { useCopy } from '../../app/use-copy';
import { serviceName } from '../targets/target-text';
import { useTargets } from '../targets/use-targets';
import { DeliverToDialog } from './DeliverToDialog';
import { deliveredText } from './deliver-text';
import { deliveryModeText, deliveryStateText, removedTargetName, showsProgress } from './delivery-text';
import './deliveries.css';

function DeliverAgain({ uid, delivery, name }: { uid: string; delivery: Delivery; name: string }) {
  const { api, report, tell } = useApp();
  return (
    <button
      type="button"
      aria-label={`Deliver again to ${name}`}
      onClick={() =>
        api
          .deliver({ uids: [uid], targets: [delivery.target] })
          .then((answer) => tell(deliveredText(answer, [name])))
          .catch(report)
      }
    >
      Deliver again
    </button>
  );
}

function DeliveryItem({
  uid,
  delivery,
  target,
}: {
  uid: string;
  delivery: Delivery;
  target: DeliveryTarget | undefined;
}) {
  const copy = useCopy();
  const name = target?.name ?? removedTargetName;
  const state = deliveryStateText(delivery);
  const copyId = (id: string) => copy(id, `The id at ${name} is on the clipboard.`);
  return (
    <li className={`delivery delivery-${delivery.state}`}>
      <div className="delivery-head">
        <h4>{name}</h4>
        <span className="muted">
          {target ? serviceName(target.provider) : 'No longer among the targets'} · {deliveryModeText[delivery.mode]}
        </span>
      </div>
      <p className="delivery-state">{state}</p>
      {showsProgress(delivery) && <progress max={100} value={delivery.pctComplete} aria-label={`${name}: ${state}`} />}
      {delivery.notice && <p className="delivery-notice">{delivery.notice}</p>}
      {delivery.error && <p className="page-problem">{delivery.error}</p>}
      {target && (delivery.state === 'error' || delivery.state === 'ready') && (
        <p className="delivery-again">
          <DeliverAgain uid={uid} delivery={delivery} name={name} />{' '}
          <span className="muted">
            {delivery.state === 'ready' ? 'If it was removed at the service: uploads it anew.' : 'From the start.'}
          </span>
        </p>
      )}
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

/** Nothing at all for a video with no deliveries that is not ready (nothing to deliver yet), so its page does not ask for the targets. */
export function DeliveriesSection({ video }: { video: Video }) {
  const ready = video.status.state === 'ready' && !video.outputsDeletedAt;
  return video.deliveries.length > 0 || ready ? <Deliveries video={video} ready={ready} /> : null;
}

function Deliveries({ video, ready }: { video: Video; ready: boolean }) {
  const { api, report } = useApp();
  const [choosing, setChoosing] = useState(false);
  // The targets' names and services; a delivery to a target removed since says so.
  const { state } = useTargets();
  const targets = state.status === 'ready' ? state.targets : [];
  const failed = video.deliveries.filter((d) => d.state === 'error').length;
  return (
    <section className="video-section" aria-labelledby="video-deliveries-heading">
      <h3 id="video-deliveries-heading">Deliveries</h3>
      {video.deliveries.length === 0 && <p className="muted">Not sent to any delivery target.</p>}
      <ul className="deliveries">
        {video.deliveries.map((delivery) => (
          <DeliveryItem
            key={delivery.target}
            uid={video.uid}
            delivery={delivery}
            target={targets.find((t) => t.id === delivery.target)}
          />
        ))}
      </ul>
      <div className="delivery-actions">
        {failed > 0 && (
          <button type="button" onClick={() => api.retry({ uids: [video.uid] }).catch(report)}>
            {failed === 1 ? 'Retry the failed delivery' : `Retry the ${failed} failed deliveries`}
          </button>
        )}
        {ready && (
          <button type="button" onClick={() => setChoosing(true)}>
            Deliver to…
          </button>
        )}
      </div>
      <DeliverToDialog uids={[video.uid]} open={choosing} onClose={() => setChoosing(false)} />
    </section>
  );
}
