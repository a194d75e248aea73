/**
 * Link downloads, as a download manager offers them: how much of the connection they may take
 * together, and the hours they may run in (the night, say). Pausing on a metered network is not
 * offered: the engine cannot tell a metered connection on every platform it runs on.
 */
import type { Settings } from '../../../../shared/api';
import { CheckField, TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { downloadLimitField, hoursField, limitText, nightHours } from './settings-form';
import { useChoiceSave } from './use-choice-save';
import { useFieldSave } from './use-field-save';

const startField = hoursField('start');
const endField = hoursField('end');

export function DownloadsSection({ settings }: { settings: Settings }) {
  const limit = useFieldSave(downloadLimitField, settings, { savedText: limitText });
  const limited = useChoiceSave(settings.download.hours !== null, 'download.hours', (on, current) => ({
    download: { ...current.download, hours: on ? (current.download.hours ?? nightHours) : null },
  }));
  const start = useFieldSave(startField, settings);
  const end = useFieldSave(endField, settings);
  return (
    <SettingsSection
      title="Downloads"
      description="How much of your connection downloads of links may take, and the hours they run in. Files you add are not affected."
    >
      <TextField
        label="Download limit (MiB/s)"
        type="number"
        min={0.0625}
        step="any"
        placeholder="No limit"
        hint="All downloads together stay under it. Leave it empty for no limit."
        {...limit}
      />
      <CheckField
        label="Download only between these hours"
        checked={limited.shown}
        onChange={limited.choose}
        hint="By the clock of the computer Ferry runs on. A download still running when they end stops, and goes on from where it stopped when they start again."
        error={limited.error}
      />
      <div className="hours">
        <TextField label="From" type="time" disabled={!limited.shown} {...start} />
        <TextField label="Until" type="time" disabled={!limited.shown} {...end} />
      </div>
    </SettingsSection>
  );
}
