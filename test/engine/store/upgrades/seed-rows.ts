/**
 * What a data directory made by an older Ferry holds, written the way that Ferry wrote it: the
 * helpers each seed uses, and the record of what was written, which today's Ferry must still show.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export interface SeededVideo {
  uid: string;
  name: string;
  state: string;
  stage: string;
  seq: number;
}

export interface Seeded {
  videos: SeededVideo[];
  /** Each history entry's video and type. */
  history: { uid: string; type: string }[];
  settings: Record<string, unknown>;
  targets: { id: string; name: string; credential: string | null }[];
  deliveries: { uid: string; targetId: string; state: string }[];
}

export const emptySeed = (): Seeded => ({ videos: [], history: [], settings: {}, targets: [], deliveries: [] });

const uidOf = (n: number) => n.toString(16).padStart(32, '0');

/** Videos in each state a queue has (waiting, working, done, failed, paused), as version 1's columns hold them. */
export function seedVideos(db: Database.Database, seeded: Seeded, extra: Record<string, unknown> = {}): void {
  const rows: [state: string, stage: string, doc: Record<string, unknown>][] = [
    ['queued', 'fetch', { meta: { name: 'queued link' } }],
    ['downloading', 'fetch', { meta: { name: 'half downloaded' }, size: 5_000_000 }],
    ['inprogress', 'transcode', { meta: { name: 'being transcoded' }, size: 4_000_000, duration: 12.5 }],
    ['ready', 'done', { meta: { name: 'finished', team: 'ops' }, size: 3_000_000, duration: 30 }],
    ['error', 'fetch', { meta: { name: 'gone from the origin' } }],
    ['paused', 'transcode', { meta: { name: 'paused by the user' }, size: 1_000_000 }],
  ];
  const columns = [
    'uid',
    'created',
    'modified',
    'name',
    'source_kind',
    'source_url',
    'source_key',
    'state',
    'pct',
    'stage',
    'error_code',
    'error_text',
    'doc',
    ...Object.keys(extra),
  ];
  const insert = db.prepare(
    `INSERT INTO videos (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  for (const [state, stage, doc] of rows) {
    const n = seeded.videos.length + 1;
    const uid = uidOf(n);
    const url = `https://videos.example.test/${n}.mp4`;
    const name = (doc.meta as { name: string }).name;
    const { lastInsertRowid } = insert.run({
      uid,
      created: '2025-01-02T03:04:05.000Z',
      modified: '2025-01-02T03:04:05.000Z',
      name,
      source_kind: 'url',
      source_url: url,
      source_key: url,
      state,
      pct: state === 'ready' ? 100 : state === 'downloading' ? 40 : 0,
      stage,
      error_code: state === 'error' ? 'ERR_FETCH_NOT_FOUND' : null,
      error_text: state === 'error' ? 'The origin answered 404 Not Found.' : null,
      doc: JSON.stringify(doc),
      ...extra,
    });
    seeded.videos.push({ uid, name, state, stage, seq: Number(lastInsertRowid) });
  }
}

/** A history entry for each video and a few settings (version 2's tables). */
export function seedHistoryAndSettings(db: Database.Database, seeded: Seeded): void {
  const event = db.prepare('INSERT INTO video_events (video_seq, at, type, data) VALUES (?, ?, ?, ?)');
  for (const video of seeded.videos) {
    event.run(video.seq, '2025-01-02T03:04:06.000Z', 'state', JSON.stringify({ from: 'queued', to: video.state }));
    seeded.history.push({ uid: video.uid, type: 'state' });
  }
  const setting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  const settings = {
    minFreeDiskBytes: 3 * 1024 ** 3,
    keepOriginal: false,
    webhookUrl: 'https://hooks.example.test/ferry',
  };
  for (const [key, value] of Object.entries(settings)) setting.run(key, JSON.stringify(value));
  Object.assign(seeded.settings, settings);
}

/** The ready video's seq: deliveries go with it. */
export const readyVideo = (seeded: Seeded) => seeded.videos.find((v) => v.state === 'ready')!;

/** A credential kept where that Ferry kept it: the file vault (FERRY_CREDENTIALS=file) from version 6 on. */
export function vaultCredential(dataDir: string, targetId: string, credential: string): void {
  const file = path.join(dataDir, 'credentials.json');
  const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...all, [targetId]: credential }), { mode: 0o600 });
}
