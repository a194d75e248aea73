/** User settings, one JSON value per key, with defaults for anything never set. */
import type Database from 'better-sqlite3';
import type { Settings } from '../../../shared/api';

export const defaultSettings: Settings = {
  concurrency: { downloads: 4, downloadsPerHost: 2, transcodes: 1, deliveries: 3 },
  webhookUrl: null,
  minFreeDiskBytes: 2 * 1024 ** 3,
  keepOriginal: true,
};

export class SettingsStore {
  constructor(private readonly db: Database.Database) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    return { ...defaultSettings, ...(stored as Partial<Settings>) };
  }

  update(patch: Partial<Settings>): Settings {
    const put = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) put.run(key, JSON.stringify(value));
      }
    })();
    return this.get();
  }
}
