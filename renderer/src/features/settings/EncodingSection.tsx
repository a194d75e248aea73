/**
 * How ladders are encoded, in HandBrake's terms: speed against size at the same quality (each
 * preset with its x264 preset and RF), the codec, and bitrates per title or fixed. The engine
 * refuses a codec its ffmpeg cannot encode; the reason shows beside the choice.
 */
import type { Settings } from '../../../../shared/api';
import {
  codecSpecs,
  ladderModes,
  presetTitle,
  qualityPresets,
  videoCodecs,
  type LadderMode,
  type TranscodeChoice,
} from '../../../../shared/transcode-presets';
import { FieldError } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { useChoiceSave, type ChoiceSave } from './use-choice-save';

const ladderLabels: Record<LadderMode, string> = {
  'per-title': 'Per title: a short analysis of each video sets its bitrates (a slide deck gets far fewer bits)',
  fixed: 'Fixed: the same bitrates for every video of a size',
};

function useTranscodeChoice<K extends keyof TranscodeChoice>(settings: Settings, key: K) {
  return useChoiceSave<TranscodeChoice[K]>(settings.transcode[key], `transcode.${key}`, (value, current) => ({
    transcode: { ...current.transcode, [key]: value },
  }));
}

function Choices<T extends string>(props: {
  legend: string;
  name: string;
  values: readonly T[];
  label: (value: T) => string;
  save: ChoiceSave<T>;
}) {
  const errorId = `${props.name}-error`;
  return (
    <fieldset role="radiogroup" aria-label={props.legend} aria-describedby={props.save.error ? errorId : undefined}>
      <legend>{props.legend}</legend>
      {props.values.map((value) => (
        <label key={value}>
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.save.shown === value}
            onChange={() => props.save.choose(value)}
          />{' '}
          {props.label(value)}
        </label>
      ))}
      <FieldError id={errorId} error={props.save.error} />
    </fieldset>
  );
}

export function EncodingSection({ settings }: { settings: Settings }) {
  const preset = useTranscodeChoice(settings, 'preset');
  const codec = useTranscodeChoice(settings, 'codec');
  const ladder = useTranscodeChoice(settings, 'ladder');
  return (
    <SettingsSection
      title="Encoding"
      description="For every video added without choices of its own; a change applies to videos not yet transcoded."
    >
      <Choices legend="Speed and quality" name="preset" values={qualityPresets} label={presetTitle} save={preset} />
      <Choices
        legend="Codec"
        name="codec"
        values={videoCodecs}
        label={(value) => codecSpecs[value].label}
        save={codec}
      />
      <Choices
        legend="Bitrates"
        name="ladder-mode"
        values={ladderModes}
        label={(value) => ladderLabels[value]}
        save={ladder}
      />
    </SettingsSection>
  );
}
