/** Where finished videos are kept: shown, not changed here, since it follows the data directory. */
import type { Settings } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';

export function LibrarySection({ settings }: { settings: Settings }) {
  const { platform, report } = useApp();
  return (
    <SettingsSection title="Library">
      <div className="inline-field">
        <TextField
          label="Finished videos are kept in"
          value={settings.library}
          readOnly
          hint={
            <>
              The library is the <code>library</code> folder of Ferry&apos;s data directory. To keep it elsewhere, start
              Ferry with <code>--data-dir</code> or set <code>FERRY_DATA_DIR</code>.
            </>
          }
        />
        {platform.canOpenFolder && (
          <button type="button" onClick={() => platform.openFolder().catch(report)}>
            Open folder
          </button>
        )}
      </div>
    </SettingsSection>
  );
}
