/**
 * What the queue still has to do, summed in SQL for its time left: the bytes still to download
 * and the seconds of media still to transcode, over the videos that will run (all waiting and
 * working ones, or only the working ones with "stop after current"). One pass over the
 * unfinished videos' index each; never a row per video in JavaScript.
 */
import type Database from 'better-sqlite3';

/** One stage's work as summed here; `rate` and `slots` are the caller's to add. */
export interface WorkSums {
  count: number;
  knownCount: number;
  knownTotal: number;
  knownLeft: number;
  largestLeft: number;
}

export interface DownloadSpeed {
  count: number;
  total: number;
}

export interface DownloadSums extends WorkSums {
  /** Distinct hosts among the links, for the per-host limit. */
  hosts: number;
}

const sums = `COUNT(*) AS count,
       COALESCE(SUM(amount > 0), 0) AS knownCount,
       COALESCE(SUM(CASE WHEN amount > 0 THEN amount END), 0) AS knownTotal,
       COALESCE(SUM(CASE WHEN amount > 0 THEN amount * (1 - done / 100.0) END), 0) AS knownLeft,
       COALESCE(MAX(CASE WHEN amount > 0 THEN amount * (1 - done / 100.0) END), 0) AS largestLeft`;

/** The states of the videos that will run: with "stop after current" only those being worked on. */
const states = (onlyWorking: boolean) =>
  onlyWorking ? "('downloading', 'inprogress')" : "('queued', 'downloading', 'inprogress')";

export class QueueWork {
  private readonly downloadStmts: [Database.Statement, Database.Statement];
  private readonly transcodeStmts: [Database.Statement, Database.Statement];
  private readonly speedStmt: Database.Statement;

  constructor(db: Database.Database) {
    const downloads = (onlyWorking: boolean) =>
      db.prepare(
        `SELECT ${sums}, COUNT(DISTINCT host) AS hosts
           FROM (SELECT json_extract(doc, '$.size') AS amount, pct AS done, source_host AS host
                   FROM videos
                  WHERE state IN ${states(onlyWorking)} AND stage = 'fetch' AND source_kind = 'url')`,
      );
    // Only a running transcode is part-way; the pct of a video at an earlier stage is that stage's.
    const transcodes = (onlyWorking: boolean) =>
      db.prepare(
        `SELECT ${sums}
           FROM (SELECT json_extract(doc, '$.duration') AS amount,
                        CASE WHEN stage = 'transcode' AND state = 'inprogress' THEN pct ELSE 0 END AS done
                   FROM videos
                  WHERE state IN ${states(onlyWorking)} AND stage IN ('fetch', 'probe', 'transcode')
                    AND COALESCE(json_extract(ingest_options, '$.transcode'), 1) <> 0)`,
      );
    this.downloadStmts = [downloads(false), downloads(true)];
    this.transcodeStmts = [transcodes(false), transcodes(true)];
    this.speedStmt = db.prepare(
      "SELECT COUNT(*) AS count, COALESCE(SUM(speed), 0) AS total FROM videos WHERE state = 'downloading' AND speed > 0",
    );
  }

  downloads(onlyWorking: boolean): DownloadSums {
    return this.downloadStmts[onlyWorking ? 1 : 0].get() as DownloadSums;
  }

  transcodes(onlyWorking: boolean): WorkSums {
    return this.transcodeStmts[onlyWorking ? 1 : 0].get() as WorkSums;
  }

  /** The running downloads' speed now: their sum in bytes per second, and how many report one. */
  downloadSpeed(): DownloadSpeed {
    return this.speedStmt.get() as DownloadSpeed;
  }
}
