/** User settings, one JSON value per key, with defaults for anything never set. */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Settings, SettingsPatch } from '../../../shared/api';
import { defaultTranscodeChoice } from '../../../shared/transcode-presets';

export const defaultSettings: Omit<Settings, 'webhookSecret' | 'library'> = {
  concurrency: { downloads: 4, downloadsPerHost: 2, transcodes: 1, deliveries: 3 },
  webhookUrl: null,
  // Cloudflare Stream's defaults: the renditions the input allows, the thumbnail from the first frame.
  defaults: { ladder: 'auto', thumbnailTimestampPct: 0 },
  transcode: defaultTranscodeChoice,
  minFreeDiskBytes: 2 * 1024 ** 3,
  keepOriginal: true,
  serve: { enabled: false, port: 8787 },
  // A few hundred GB: any real video fits, and a TUS client cannot declare a terabyte.
  uploads: { maxSizeBytes: 200 * 1024 ** 3 },
  ui: { theme: 'system', watchClipboard: false },
  delivery: { deliverTo: [], maxUploadBytesPerSecond: null },
  download: { maxBytesPerSecond: null, hours: null },
};

/** Whether the webhook URL may reach private networks: kept beside it, not one of the settings shown. */
const webhookReachKey = 'webhookPrivateNetworks';

export class SettingsStore {
  private readonly put: Database.Statement;
  private readonly all: Database.Statement;
  private readonly version: Database.Statement;
  private cached: { settings: Settings; version: unknown } | undefined;

  constructor(
    private readonly db: Database.Database,
    /** Where finished videos are kept now (DataPaths.library): reported with the settings, not stored. */
    private readonly library: () => string = () => '',
  ) {
    this.all = db.prepare('SELECT key, value FROM settings');
    this.version = db.prepare('PRAGMA data_version').pluck();
    this.put = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  /**
   * Read before every scheduling decision, so kept: read again only when another process has
   * committed anything since (SQLite's data_version), or this one changed them (update).
   */
  get(): Settings {
    const version = this.version.get();
    const cached = this.cached;
    if (cached && cached.version === version && cached.settings.library === this.library()) return cached.settings;
    const settings = this.read();
    this.cached = { settings, version };
    return settings;
  }

  private read(): Settings {
    const rows = this.all.all() as { key: string; value: string }[];
    // The table also holds the queue's own state (queue-control.ts); only settings are returned.
    const known = rows.filter((r) => r.key in defaultSettings || r.key === 'webhookSecret');
    const stored = Object.fromEntries(known.map((r) => [r.key, JSON.parse(r.value) as unknown])) as Partial<Settings>;
    return {
      ...defaultSettings,
      ...stored,
      webhookSecret: stored.webhookSecret ?? this.createWebhookSecret(),
      library: this.library(),
    };
  }

  /**
   * Whether webhooks to `url` must stay on public addresses: unless the local user set exactly
   * this URL, since a webhook queued for an older URL carries that one.
   */
  webhookPublicOnly(url: string): boolean {
    const { webhookUrl } = this.get();
    const reach = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(webhookReachKey) as
      string | undefined;
    const privateNetworks = reach === undefined || (JSON.parse(reach) as boolean);
    return !(privateNetworks && webhookUrl === url);
  }

  /** Made once per data directory and kept, since receivers are configured with it; the first process to write it wins. */
  private createWebhookSecret(): string {
    this.db
      .prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('webhookSecret', ?)")
      .run(JSON.stringify(randomBytes(32).toString('hex')));
    const value = this.db.prepare("SELECT value FROM settings WHERE key = 'webhookSecret'").pluck().get() as string;
    return JSON.parse(value) as string;
  }

  update(patch: SettingsPatch): Settings {
    const { webhookPrivateNetworks, ...settings } = patch;
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(settings)) {
        if (value !== undefined) this.put.run(key, JSON.stringify(value));
      }
      // The reach is the URL's: whoever sets a URL says how far it may go, and a URL set
      // without saying (the app, the CLI) is the local user's own.
      if (settings.webhookUrl !== undefined)
        this.put.run(webhookReachKey, JSON.stringify(webhookPrivateNetworks ?? true));
    })();
    this.cached = undefined;
    return this.get();
  }
}
