/** A sheet's speed/quality preset and codec for the videos it queues; left as they are, the settings' apply. */
import {
  codecSpecs,
  presetTitle,
  qualityPresets,
  videoCodecs,
  type QualityPreset,
  type VideoCodec,
} from '../../../../shared/transcode-presets';
import type { IngestChoice } from './ingest-choice';

/** The choice with `key` set, or left out ('': as in Settings). */
function withEncoding<K extends 'preset' | 'codec'>(
  choice: IngestChoice,
  key: K,
  value: NonNullable<IngestChoice[K]> | '',
): IngestChoice {
  const next = Object.fromEntries(Object.entries(choice).filter(([name]) => name !== key)) as IngestChoice;
  return value === '' ? next : { ...next, [key]: value };
}

export function EncodingFields({ choice, onChange }: { choice: IngestChoice; onChange(choice: IngestChoice): void }) {
  return (
    <div className="add-encoding">
      <label>
        Speed and quality{' '}
        <select
          value={choice.preset ?? ''}
          onChange={(event) => {
            onChange(withEncoding(choice, 'preset', event.target.value as QualityPreset | ''));
          }}
        >
          <option value="">As in Settings</option>
          {qualityPresets.map((preset) => (
            <option key={preset} value={preset}>
              {presetTitle(preset)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Codec{' '}
        <select
          value={choice.codec ?? ''}
          onChange={(event) => {
            onChange(withEncoding(choice, 'codec', event.target.value as VideoCodec | ''));
          }}
        >
          <option value="">As in Settings</option>
          {videoCodecs.map((codec) => (
            <option key={codec} value={codec}>
              {codecSpecs[codec].label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
