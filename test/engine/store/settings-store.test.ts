import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/engine/store/settings-store';
import { openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

describe('settings', () => {
  const closers: (() => void)[] = [];
  afterEach(() => closers.splice(0).forEach((close) => close()));

  function open(dir: string): SettingsStore {
    const opened = openStore(dir);
    closers.push(opened.close);
    return new SettingsStore(opened.db);
  }

  it('sees a change made through another connection (another process) at its next read', () => {
    const dir = tempDir('ferry-settings-');
    const app = open(dir);
    const cli = open(dir);
    expect(app.get().concurrency.downloads).toBe(4);
    cli.update({ concurrency: { downloads: 9, downloadsPerHost: 3, transcodes: 1, deliveries: 3 } });
    expect(app.get().concurrency).toMatchObject({ downloads: 9, downloadsPerHost: 3 });
    app.update({ webhookUrl: 'http://127.0.0.1:9/hook' });
    expect(app.get().webhookUrl).toBe('http://127.0.0.1:9/hook');
    expect(cli.get().webhookUrl).toBe('http://127.0.0.1:9/hook');
  });

  it('makes one webhook secret per data directory, whichever connection reads first', () => {
    const dir = tempDir('ferry-settings-');
    const first = open(dir).get().webhookSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(open(dir).get().webhookSecret).toBe(first);
  });
});
