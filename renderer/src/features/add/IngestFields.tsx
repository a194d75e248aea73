/**
 * The options a sheet queues with: the ladder (automatic, or chosen heights), keeping the
 * original without transcoding, and the delivery targets to send finished videos to.
 */
import { useId } from 'react';
import type { DeliveryTarget } from '../../../../shared/delivery-targets';
import { serviceName } from '../targets/target-text';
import { ladderHeights, toggleTarget } from '../settings/settings-form';
import { choiceProblem, toggleHeight, type IngestChoice } from './ingest-choice';
import { EncodingFields } from './EncodingFields';

interface IngestFieldsProps {
  choice: IngestChoice;
  onChange(choice: IngestChoice): void;
  targets: readonly DeliveryTarget[] | null;
  /** Called when the user follows the link to the targets screen (the sheet closes). */
  onLeave(): void;
}

export function IngestFields({ choice, onChange, targets, onLeave }: IngestFieldsProps) {
  const id = useId();
  const problem = choiceProblem(choice);
  const auto = choice.ladder === 'auto';
  return (
    <div className="add-options">
      <fieldset>
        <legend>Renditions</legend>
        <label className="add-check">
          <input
            type="checkbox"
            checked={!choice.transcode}
            onChange={(event) => onChange({ ...choice, transcode: !event.target.checked })}
          />
          Keep the original (no transcode)
        </label>
        <div role="radiogroup" aria-label="Ladder" className="add-ladder">
          <label className="add-check">
            <input
              type="radio"
              name={`${id}-ladder`}
              checked={auto}
              disabled={!choice.transcode}
              onChange={() => onChange({ ...choice, ladder: 'auto' })}
            />
            Automatic ladder (from the video&apos;s size)
          </label>
          <label className="add-check">
            <input
              type="radio"
              name={`${id}-ladder`}
              checked={!auto}
              disabled={!choice.transcode}
              onChange={() => onChange({ ...choice, ladder: auto ? [1080, 720, 480, 360] : choice.ladder })}
            />
            Chosen heights
          </label>
        </div>
        {!auto && choice.transcode && (
          <div
            role="group"
            aria-label="Heights"
            className="add-heights"
            aria-describedby={problem ? `${id}-problem` : undefined}
          >
            {ladderHeights.map((height) => (
              <label key={height} className="add-check">
                <input
                  type="checkbox"
                  checked={choice.ladder !== 'auto' && choice.ladder.includes(height)}
                  onChange={() => onChange({ ...choice, ladder: toggleHeight(choice.ladder, height) })}
                />
                {height}p
              </label>
            ))}
          </div>
        )}
        {problem && (
          <p id={`${id}-problem`} className="add-problem">
            {problem}
          </p>
        )}
        {choice.transcode && <EncodingFields choice={choice} onChange={onChange} />}
      </fieldset>
      <fieldset>
        <legend>Deliver to</legend>
        {targets === null && <p className="add-muted">Loading delivery targets…</p>}
        {targets?.length === 0 && (
          <p className="add-muted">
            No delivery targets yet: finished videos stay in Ferry.{' '}
            <a href="#/targets" onClick={onLeave}>
              Add a target
            </a>{' '}
            to send them to a streaming service.
          </p>
        )}
        {targets && targets.length > 0 && (choice.defaultDeliverTo?.length ?? 0) > 0 && (
          <p className="add-muted">Ticked to begin with: the targets Settings sends every finished video to.</p>
        )}
        {targets?.map((target) => (
          <label key={target.id} className="add-check">
            <input
              type="checkbox"
              checked={choice.deliverTo.includes(target.id)}
              onChange={(event) =>
                onChange({
                  ...choice,
                  // Only targets listed here: a default target removed since is not sent (the engine refuses it).
                  deliverTo: toggleTarget(
                    choice.deliverTo,
                    target.id,
                    event.target.checked,
                    targets.map((t) => t.id),
                  ),
                })
              }
            />
            {target.name} <span className="add-muted">({serviceName(target.provider)})</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
