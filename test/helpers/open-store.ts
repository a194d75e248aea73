import path from 'node:path';
import { newLeaseOwner } from '../../electron/engine/store/lease-owner';
import { openDatabase } from '../../electron/engine/store/open-database';
import { VideoStore } from '../../electron/engine/store/video-store';
import type { NewVideo } from '../../electron/engine/store/queue-job';

/** A real SQLite file in `dir`, opened as the engine opens it. */
export function openStore(dir: string) {
  const opened = openDatabase(path.join(dir, 'ferry.db'));
  const store = new VideoStore(opened.db, newLeaseOwner());
  return { ...opened, store, close: () => opened.db.close() };
}

export function newLinks(count: number, prefix = 'https://videos.example.test/clip'): NewVideo[] {
  return Array.from({ length: count }, (_, i) => ({
    source: { kind: 'url' as const, url: `${prefix}-${i}.mp4` },
    stage: 'fetch' as const,
    name: `clip ${i}`,
  }));
}
