/**
 * Recovery after a crash, a kill or a power cut: work whose owner died goes back to the stage it
 * was at, so that it is claimed again. A lease held by a live process elsewhere is left alone
 * until it expires.
 */
import type Database from 'better-sqlite3';
import { withoutLivePlayback } from './live-playback';
import { isOwnerAlive } from './lease-owner';
import { waitingState } from './stage-states';
import type { VideoHistory } from './video-history';
import type { VideoRow } from './video-row';

/** Answers the uids it returned to their stage. Run inside a write transaction. */
export function recoverLeases(db: Database.Database, history: VideoHistory, self: string, now: number): string[] {
  const leased = db.prepare('SELECT * FROM videos WHERE lease_owner IS NOT NULL').all() as VideoRow[];
  // A dead transcode's live playback dies with it: the next attempt starts clean and earns it anew.
  const release = db.prepare(
    `UPDATE videos SET state = ?, lease_owner = NULL, lease_expires_at = NULL, modified = ?,
                       doc = CASE WHEN json_extract(doc, '$.livePlayable') = 1 THEN ${withoutLivePlayback} ELSE doc END
      WHERE seq = ?`,
  );
  const recovered: string[] = [];
  for (const row of leased) {
    const owner = row.lease_owner as string;
    const expired = (row.lease_expires_at ?? 0) <= now;
    if (!expired && isOwnerAlive(owner, self)) continue;
    const to = waitingState(row.stage);
    release.run(to, new Date(now).toISOString(), row.seq);
    history.add(row.seq, 'recovered', { stage: row.stage, from: row.state, to, owner });
    recovered.push(row.uid);
  }
  return recovered;
}
