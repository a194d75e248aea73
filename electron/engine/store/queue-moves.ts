/**
 * Reordering the queue. A video's place is its priority, then its insertion order (what
 * claimNext reads), so putting one video between two others shifts the smaller side of the
 * queue by two and gives the moved video the free number between: one transaction, the others'
 * order among themselves unchanged, nothing of the Video object changed but the moved one's.
 */
import type Database from 'better-sqlite3';
import type { QueueMove } from '../../../shared/api';
import { positionSql, queueRankSql } from './queue-order';

interface Place {
  uid: string;
  priority: number;
  seq: number;
}

/** The videos ahead of `place` (`ahead`) or at it and behind (`!ahead`) in position order, the moved one left out. */
function sideOf(place: Place, ahead: boolean): string {
  return ahead
    ? `uid != @moved AND (priority > ${place.priority} OR (priority = ${place.priority} AND seq < ${place.seq}))`
    : `uid != @moved AND (priority < ${place.priority} OR (priority = ${place.priority} AND seq >= ${place.seq}))`;
}

export class QueueMoves {
  constructor(private readonly db: Database.Database) {}

  /** Moves a video as asked; answers false when it (or the video it goes before) does not exist. */
  move(input: QueueMove): boolean {
    const run = this.db.transaction((): boolean => {
      if (!this.reorder(input)) return false;
      this.db.prepare('UPDATE videos SET modified = ? WHERE uid = ?').run(new Date().toISOString(), input.uid);
      return true;
    });
    return run.immediate();
  }

  private reorder(input: QueueMove): boolean {
    const moved = this.place(input.uid);
    if (!moved) return false;
    if ('before' in input) {
      const target = this.place(input.before);
      if (!target) return false;
      if (target.uid !== moved.uid) this.putBefore(moved, target);
      return true;
    }
    if (input.to === 'top' || input.to === 'bottom') {
      const edge = input.to === 'top' ? 'MAX(priority) + 1' : 'MIN(priority) - 1';
      this.db.prepare(`UPDATE videos SET priority = (SELECT ${edge} FROM videos) WHERE uid = ?`).run(moved.uid);
      return true;
    }
    // Already first or last of its rank: nothing to do, and not a failure.
    const neighbour = this.neighbour(moved, input.to);
    if (input.to === 'up' && neighbour) this.putBefore(moved, neighbour);
    if (input.to === 'down' && neighbour) this.putBefore(neighbour, moved);
    return true;
  }

  private place(uid: string): Place | undefined {
    return this.db.prepare('SELECT uid, priority, seq FROM videos WHERE uid = ?').get(uid) as Place | undefined;
  }

  /** The video just ahead of (`up`) or behind (`down`) this one among those of its rank (running, waiting…). */
  private neighbour(place: Place, direction: 'up' | 'down'): Place | undefined {
    const side = sideOf(place, direction === 'up');
    const order = direction === 'up' ? 'priority ASC, seq DESC' : positionSql;
    // The rank read once: as a subquery it would be asked again for every row.
    const rank = this.db.prepare(`SELECT ${queueRankSql} FROM videos WHERE uid = ?`).pluck().get(place.uid);
    return this.db
      .prepare(
        `SELECT uid, priority, seq FROM videos WHERE ${side} AND ${queueRankSql} = @rank ORDER BY ${order} LIMIT 1`,
      )
      .get({ moved: place.uid, rank }) as Place | undefined;
  }

  /** Gives `moved` the place just ahead of `target`, shifting whichever side of `target` has fewer videos. */
  private putBefore(moved: Place, target: Place): void {
    const { ahead, behind } = this.db
      .prepare(
        `SELECT COUNT(*) FILTER (WHERE ${sideOf(target, true)}) AS ahead,
                COUNT(*) FILTER (WHERE ${sideOf(target, false)}) AS behind FROM videos`,
      )
      .get({ moved: moved.uid }) as { ahead: number; behind: number };
    const shiftAhead = ahead <= behind;
    const [shift, priority] = shiftAhead ? [2, target.priority + 1] : [-2, target.priority - 1];
    this.db
      .prepare(`UPDATE videos SET priority = priority + ${shift} WHERE ${sideOf(target, shiftAhead)}`)
      .run({ moved: moved.uid });
    this.db.prepare('UPDATE videos SET priority = ? WHERE uid = ?').run(priority, moved.uid);
  }
}
