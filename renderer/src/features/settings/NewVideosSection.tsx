/** What a video added without its own choices gets: its ladder, where its thumbnail is taken, the original kept or not. */
import { useState } from 'react';
import type { Settings } from '../../../../shared/api';
import { CheckField, FieldError, TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { ladderHeights, newVideosDraft, newVideosPatch, toggleHeight } from './settings-form';
import { useSectionSave } from './use-section-save';

export function NewVideosSection({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState(() => newVideosDraft(settings));
  const save = useSectionSave();
  const ladderError = save.fields['defaults.ladder'];
  return (
    <SettingsSection
      title="New videos"
      description="Used for every video added without choices of its own."
      save={save}
      onSubmit={() => void save.save(newVideosPatch(draft))}
    >
      <fieldset className="ladder" aria-describedby={ladderError ? 'ladder-error' : undefined}>
        <legend>Renditions (the ladder)</legend>
        <label>
          <input type="radio" name="ladder" checked={draft.auto} onChange={() => setDraft({ ...draft, auto: true })} />{' '}
          Auto: the heights that suit each video, never taller than it
        </label>
        <label>
          <input
            type="radio"
            name="ladder"
            checked={!draft.auto}
            onChange={() => setDraft({ ...draft, auto: false })}
          />{' '}
          These heights:
        </label>
        <div className="heights">
          {ladderHeights.map((height) => (
            <label key={height}>
              <input
                type="checkbox"
                disabled={draft.auto}
                checked={draft.heights.includes(height)}
                onChange={(event) =>
                  setDraft({ ...draft, heights: toggleHeight(draft.heights, height, event.target.checked) })
                }
              />{' '}
              {height}p
            </label>
          ))}
        </div>
        <FieldError id="ladder-error" error={ladderError} />
      </fieldset>
      <TextField
        label="Thumbnail position (% of the duration)"
        type="number"
        min={0}
        max={100}
        step="any"
        value={draft.thumbnailPercent}
        onChange={(thumbnailPercent) => setDraft({ ...draft, thumbnailPercent })}
        hint="0 takes the first frame, 50 the middle."
        error={save.fields['defaults.thumbnailTimestampPct']}
      />
      <CheckField
        label="Keep originals"
        checked={draft.keepOriginal}
        onChange={(keepOriginal) => setDraft({ ...draft, keepOriginal })}
        hint="Keeps the downloaded or added file beside the finished video, which takes more disk space."
      />
    </SettingsSection>
  );
}
