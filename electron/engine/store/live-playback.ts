/**
 * A transcode's live playback in the video's document: `livePlayable`, the live folder's
 * `playback` and `readyToStreamAt`, set when every rendition has its first segment and taken
 * back when the attempt ends without the video. Only the process holding the transcode's claim
 * may set it, so a paused, canceled or recovered video is never marked by a late attempt.
 */
import type Database from 'better-sqlite3';
import type { Video } from '../../../shared/video';
import type { VideoChanges } from './video-changes';

/** The JSON that takes the live playback back out of a document (SQL, `doc` the column). */
export const withoutLivePlayback = `json_set(json_remove(doc, '$.livePlayable'), '$.playback', NULL, '$.readyToStreamAt', NULL)`;

export class LivePlaybackRows {
  private readonly startStmt: Database.Statement;
  private readonly endStmt: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly changes: VideoChanges,
    private readonly owner: string,
  ) {
    this.startStmt = db.prepare(
      `UPDATE videos
          SET doc = json_set(doc, '$.livePlayable', json('true'), '$.playback', json(@playback), '$.readyToStreamAt', @at),
              modified = @at
        WHERE uid = @uid AND lease_owner = @owner AND state = 'inprogress' AND stage = 'transcode'`,
    );
    this.endStmt = db.prepare(
      `UPDATE videos SET doc = ${withoutLivePlayback}, modified = ?
        WHERE uid = ? AND json_extract(doc, '$.livePlayable') = 1`,
    );
  }

  /** Marks the video playable from `playback`, while this store's owner still holds its transcode. */
  start(uid: string, playback: NonNullable<Video['playback']>, at = new Date()): boolean {
    const iso = at.toISOString();
    const changed = this.startStmt.run({ uid, owner: this.owner, playback: JSON.stringify(playback), at: iso }).changes;
    if (changed === 1) this.changes.note(uid);
    return changed === 1;
  }

  /** The attempt ended without the video (stopped, failed): nothing plays until another earns it. */
  end(uid: string): void {
    if (this.endStmt.run(new Date().toISOString(), uid).changes === 1) this.changes.note(uid);
  }
}
