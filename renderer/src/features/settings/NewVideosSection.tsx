/** What a video added without its own choices gets: its ladder, where its thumbnail is taken, the original kept or not. */
import type { Settings } from '../../../../shared/api';
import { CheckField, FieldError, TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { ladderHeights, thumbnailField, toggleHeight } from './settings-form';
import { useChoiceSave } from './use-choice-save';
import { useFieldSave } from './use-field-save';

type Ladder = Settings['defaults']['ladder'];

/** The heights offered when the user leaves Auto, before choosing any. */
const firstChoice = [1080, 720, 480];

export function NewVideosSection({ settings }: { settings: Settings }) {
  const ladder = useChoiceSave<Ladder>(settings.defaults.ladder, 'defaults.ladder', (value, current) => ({
    defaults: { ...current.defaults, ladder: value },
  }));
  const keepOriginal = useChoiceSave(settings.keepOriginal, 'keepOriginal', (value) => ({ keepOriginal: value }));
  const thumbnail = useFieldSave(thumbnailField, settings, { savedText: (percent) => `${percent} %` });
  const auto = ladder.shown === 'auto';
  const heights = ladder.shown === 'auto' ? firstChoice : ladder.shown;
  return (
    <SettingsSection title="New videos" description="Used for every video added without choices of its own.">
      <fieldset className="ladder" aria-describedby={ladder.error ? 'ladder-error' : undefined}>
        <legend>Renditions (the ladder)</legend>
        <label>
          <input type="radio" name="ladder" checked={auto} onChange={() => ladder.choose('auto')} /> Auto: the heights
          that suit each video, never taller than it
        </label>
        <label>
          <input type="radio" name="ladder" checked={!auto} onChange={() => ladder.choose(heights)} /> These heights:
        </label>
        <div className="heights">
          {ladderHeights.map((height) => (
            <label key={height}>
              <input
                type="checkbox"
                disabled={auto}
                checked={heights.includes(height)}
                onChange={(event) => ladder.choose(toggleHeight(heights, height, event.target.checked))}
              />{' '}
              {height}p
            </label>
          ))}
        </div>
        <FieldError id="ladder-error" error={ladder.error} />
      </fieldset>
      <TextField
        label="Thumbnail position (% of the duration)"
        type="number"
        min={0}
        max={100}
        step="any"
        hint="0 takes the first frame, 50 the middle."
        {...thumbnail}
      />
      <CheckField
        label="Keep originals"
        checked={keepOriginal.shown}
        onChange={keepOriginal.choose}
        hint="Keeps the downloaded or added file beside the finished video, which takes more disk space."
        error={keepOriginal.error}
      />
    </SettingsSection>
  );
}
