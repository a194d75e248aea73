// Child process of bench/queue.ts: opens a database cold and fetches the first page of 100,
// printing the elapsed milliseconds. `ferry` goes through the engine's own open (pragmas,
// migration check, crash recovery) and list; `naive` queries a table that has no index.
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';

const [mode, dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: first-page ferry|naive <db>');

// Loading the modules is not part of opening the database.
const { newLeaseOwner } = await import('../electron/engine/store/lease-owner');
const { openDatabase } = await import('../electron/engine/store/open-database');
const { VideoStore } = await import('../electron/engine/store/video-store');

const start = performance.now();
if (mode === 'ferry') {
  const { db } = openDatabase(dbPath);
  const store = new VideoStore(db, newLeaseOwner());
  store.recoverInFlight();
  const page = store.list({ limit: 100 });
  if (page.videos.length !== 100) throw new Error(`expected 100 videos, got ${page.videos.length}`);
  db.close();
} else {
  const db = new Database(dbPath);
  const rows = db.prepare('SELECT * FROM videos ORDER BY seq DESC LIMIT 100').all();
  const total = db.prepare('SELECT COUNT(*) FROM videos').pluck().get();
  if (rows.length !== 100 || typeof total !== 'number') throw new Error('naive page failed');
  db.close();
}
console.log((performance.now() - start).toFixed(2));
