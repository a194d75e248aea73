/**
 * `ferry settings [KEY [VALUE]]`: the data directory's settings, through getSettings and
 * setSettings, so a headless user can turn webhooks on or change the limits the app's settings
 * screen changes. A value is checked by the contract's schema; a refused one names its key.
 */
import type { Settings } from '../../../shared/api';
import type { DeliveryTarget } from '../../../shared/delivery-targets';
import { call, withEngine } from '../call-engine';
import { exitCodes, parseCommandArgs, UsageError, type CliCommand } from '../cli-context';
import { formatColumns } from '../format-columns';
import { moveLibraryFromCli } from '../move-library';
import { settingKey, settingKeys } from '../settings-keys';

function formatSettings(settings: Settings, targets: readonly DeliveryTarget[]): string {
  const rows = Object.entries(settingKeys).map(([key, spec]) => [
    key,
    key === 'webhookSecret'
      ? '(hidden: ferry settings webhookSecret prints it)'
      : spec.show(spec.read(settings), targets),
  ]);
  return formatColumns(['KEY', 'VALUE'], rows);
}

/** Each summary starts two spaces after the longest key. */
const keyWidth = Math.max(...Object.keys(settingKeys).map((key) => key.length)) + 2;

const keyHelp = Object.entries(settingKeys)
  .map(([key, spec]) => `  ${key.padEnd(keyWidth)}${spec.summary}`)
  .join('\n');

export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: 'Show or change settings: webhook URL, concurrency, download limit and hours, disk threshold…',
  usage: `ferry settings [--json]               every setting
       ferry settings KEY [--json]           one setting's value
       ferry settings KEY VALUE [--json]     change it (a running ferry run or the app applies it at once)

${keyHelp}

  Examples: ferry settings webhookUrl https://example.com/hooks/ferry
            ferry settings webhookUrl none
            ferry settings concurrency.downloads 8
            ferry settings minFreeDiskBytes 5GiB
            ferry settings download.maxBytesPerSecond 5MB/s
            ferry settings download.hours 22:00-07:00
            ferry settings library /mnt/videos/ferry-library
  --json   print the value, or after a change all the settings, as JSON`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, true);
    const [key, value, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"; quote a value with spaces.`);
    const spec = key === undefined ? undefined : settingKey(key);
    if (key === 'library' && value !== undefined)
      return withEngine(context, async (engine) => {
        await moveLibraryFromCli(engine, value, context, values.json === true);
        return exitCodes.ok;
      });
    if (spec && value !== undefined && !spec.patch)
      throw new UsageError(`${key} is made by Ferry and cannot be set; give a receiver the one it has.`);
    return withEngine(context, async (engine) => {
      const current = await call(engine, 'getSettings', undefined);
      // Settings that name delivery targets take and show their names.
      const targets = await call(engine, 'listTargets', undefined);
      if (!spec || !key) {
        context.stdout(values.json ? JSON.stringify(current, null, 2) : formatSettings(current, targets));
        return exitCodes.ok;
      }
      if (value === undefined || !spec.patch) {
        const read = spec.read(current);
        context.stdout(values.json ? JSON.stringify(read) : spec.show(read, targets));
        return exitCodes.ok;
      }
      const updated = await call(engine, 'setSettings', spec.patch(value, current, targets));
      context.stdout(
        values.json ? JSON.stringify(updated, null, 2) : `${key} = ${spec.show(spec.read(updated), targets)}`,
      );
      return exitCodes.ok;
    });
  },
};
