/**
 * For each schema version, the rows a Ferry of that version wrote: videos in several states,
 * history, settings, and from version 5 delivery targets with credentials and their deliveries.
 * A new migration needs a seed here (the upgrade test says so): the rows its Ferry writes.
 */
import type Database from 'better-sqlite3';
import { emptySeed, readyVideo, seedHistoryAndSettings, seedVideos, vaultCredential, type Seeded } from './seed-rows';

export type Seed = (db: Database.Database, dataDir: string) => Seeded;

const mediaInfo = JSON.stringify({ duration: 30, width: 1280, height: 720, video: { codec: 'h264' } });
const ingestOptions = JSON.stringify({ ladder: [720, 360] });

/** Videos with what versions 3 and 4 added to them, then history and settings. */
function queueOf(db: Database.Database, version: number, more: Record<string, unknown> = {}): Seeded {
  const seeded = emptySeed();
  const v3 = version >= 3 ? { ingest_options: ingestOptions, media_info: mediaInfo } : {};
  const v4 = version >= 4 ? { source_host: 'videos.example.test', speed: 1_000_000, eta: 3 } : {};
  seedVideos(db, seeded, { ...v3, ...v4, ...more });
  if (version >= 2) seedHistoryAndSettings(db, seeded);
  if (version >= 4) {
    db.prepare(
      `INSERT INTO webhook_deliveries (video_seq, state, url, body, attempts, outcome, finished_at)
       VALUES (?, 'ready', 'https://hooks.example.test/ferry', '{}', 1, 'delivered', '2025-01-02T03:05:00.000Z')`,
    ).run(readyVideo(seeded).seq);
  }
  return seeded;
}

/** Deliveries of the ready video to each target: one arrived, one mid-upload. */
function deliveriesOf(db: Database.Database, seeded: Seeded, mode: string, pushState: boolean): void {
  const video = readyVideo(seeded);
  const columns = pushState ? ', push_state' : '';
  const insert = db.prepare(
    `INSERT INTO deliveries (video_seq, target_id, mode, state, upload_url, upload_size, upload_offset, remote_id, created, modified${columns})
     VALUES (?, ?, ?, ?, ?, 3000000, ?, ?, '2025-01-02T03:06:00.000Z', '2025-01-02T03:06:00.000Z'${pushState ? ", '{}'" : ''})`,
  );
  seeded.targets.forEach((target, i) => {
    const state = i === 0 ? 'ready' : 'uploading';
    insert.run(
      video.seq,
      target.id,
      mode,
      state,
      `https://tus.example.test/files/u${i}`,
      i === 0 ? 3_000_000 : 1_000_000,
      `u${i}`,
    );
    seeded.deliveries.push({ uid: video.uid, targetId: target.id, state });
  });
}

/** Version 5: targets with their credential in the database, as that Ferry kept it. */
function targetsV5(db: Database.Database, seeded: Seeded): void {
  const insert = db.prepare(
    `INSERT INTO delivery_targets (id, name, provider, mode, endpoint, credential, created, modified)
     VALUES (?, ?, 'tus', 'tus', 'https://tus.example.test/files/', ?, '2025-01-02', '2025-01-02')`,
  );
  for (const [id, name, credential] of [
    ['t1', 'archive', 'Bearer archive-token'],
    ['t2', 'open', null],
  ] as const) {
    insert.run(id, name, credential);
    seeded.targets.push({ id, name, credential });
  }
}

/** Versions 6 on: the credential in the vault, the database saying only that there is one. */
function targetsInVault(db: Database.Database, dataDir: string, seeded: Seeded, version: number): void {
  const mode = version >= 7 ? 'push' : 'tus';
  const extra = version >= 8 ? ', private_networks' : '';
  const insert = db.prepare(
    `INSERT INTO delivery_targets (id, name, provider, mode, endpoint, has_credential, created, modified${extra})
     VALUES (?, ?, 'tus', '${mode}', 'https://tus.example.test/files/', ?, '2025-01-02', '2025-01-02'${version >= 8 ? ', ?' : ''})`,
  );
  const targets = [
    ['t1', 'archive', 'Bearer archive-token'],
    ['t2', 'open', null],
  ] as const;
  targets.forEach(([id, name, credential], i) => {
    insert.run(id, name, credential ? 1 : 0, ...(version >= 8 ? [i === 0 ? 0 : 1] : []));
    if (credential) vaultCredential(dataDir, id, credential);
    seeded.targets.push({ id, name, credential });
  });
}

function withTargets(version: number): Seed {
  return (db, dataDir) => {
    const seeded = queueOf(db, version, version >= 9 ? { fingerprint: 'a'.repeat(64) } : {});
    if (version === 5) targetsV5(db, seeded);
    else targetsInVault(db, dataDir, seeded, version);
    deliveriesOf(db, seeded, version >= 7 ? 'push' : 'tus', version >= 7);
    return seeded;
  };
}

export const seedsByVersion: Readonly<Record<number, Seed>> = {
  1: (db) => queueOf(db, 1),
  2: (db) => queueOf(db, 2),
  3: (db) => queueOf(db, 3),
  4: (db) => queueOf(db, 4),
  5: withTargets(5),
  6: withTargets(6),
  7: withTargets(7),
  8: withTargets(8),
  9: withTargets(9),
};
