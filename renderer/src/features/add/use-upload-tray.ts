/**
 * The upload tray's work: each file added is first fingerprinted and looked up
 * (findByFingerprint), so a file whose content is in Ferry already waits for "Add again" or
 * "Skip"; the others upload a few at a time (a browser on `ferry serve`) or are added by path
 * (the desktop app). Each upload can be canceled and retried; its progress, speed and time left
 * come from tray-items.ts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FingerprintMatch } from '../../../../shared/api';
import type { Upload } from '../../platform/upload-file';
import { useApp } from '../../app/app-context';
import { describeAdded } from './describe-result';
import { fingerprintFile } from './fingerprint-file';
import { newItem, started, withProgress, type TrayItem } from './tray-items';

/** Uploads at once: enough to fill the line, few enough that each shows its own progress. */
const uploadsAtOnce = 3;

export interface TrayFile {
  name: string;
  /** The file itself; none for a folder the engine scans (the desktop app). */
  file?: File;
  /** Its path on disk (the desktop app): added by path, not uploaded. */
  path?: string;
}

export interface Skipped {
  input: string;
  reason: string;
}

let nextId = 1;

/** These files' fingerprints and the engine's matches; none when they cannot be read or looked up. */
async function findMatches(
  files: readonly TrayFile[],
  lookup: (fingerprints: string[]) => Promise<FingerprintMatch[]>,
): Promise<{ fingerprint?: string; match?: FingerprintMatch }[]> {
  try {
    const fingerprints: (string | undefined)[] = [];
    for (const { file } of files) fingerprints.push(file && (await fingerprintFile(file)));
    const known = fingerprints.filter((fingerprint) => fingerprint !== undefined);
    const matches = known.length > 0 ? await lookup(known) : [];
    return fingerprints.map((fingerprint) => {
      const match = matches.find((found) => found.fingerprint === fingerprint);
      return { ...(fingerprint ? { fingerprint } : {}), ...(match ? { match } : {}) };
    });
  } catch {
    // A file that cannot be read fails its upload with the reason; the check is only a warning.
    return files.map(() => ({}));
  }
}

/** Files of the tray that are sending or sent a content: a second copy dropped meanwhile is flagged too. */
const sendingStates = new Set<TrayItem['state']>(['waiting', 'uploading', 'done']);

export function useUploadTray() {
  const { api, store, platform, tell, report } = useApp();
  const [items, setItems] = useState<TrayItem[]>([]);
  const files = useRef(new Map<number, TrayFile>());
  const running = useRef(new Map<number, Upload>());
  /** Files canceled while their content was checked: not added once the check ends. */
  const canceled = useRef(new Set<number>());

  /** Lists the files left out (not videos), with why. */
  const note = useCallback((skipped: readonly Skipped[]) => {
    setItems((rows) => [
      ...rows,
      ...skipped.map(({ input, reason }) => newItem(nextId++, input, 0, 'skipped', reason)),
    ]);
  }, []);

  /** The desktop app: files and folders added where they are; the engine says what it queued and left out. */
  const addPaths = useCallback(
    async (paths: string[], { allowCopies = false, left = [] as Skipped[] } = {}) => {
      try {
        const result = await api.addFiles({ paths, ...(allowCopies ? { options: { duplicates: 'allow' } } : {}) });
        note([...left, ...(result.skipped ?? [])]);
        tell(describeAdded(result, left));
        void store.getState().refresh();
      } catch (error) {
        report(error);
      }
    },
    [api, store, note, tell, report],
  );

  const change = useCallback(
    (id: number, next: (item: TrayItem) => TrayItem) =>
      setItems((rows) => rows.map((row) => (row.id === id ? next(row) : row))),
    [],
  );

  const start = useCallback(
    (id: number) => {
      const file = files.current.get(id)?.file;
      const send = platform.uploadFile;
      if (!file || !send) return;
      // Reports of an attempt that was canceled or retried since are not this attempt's.
      const current = () => running.current.get(id) === handle;
      const finish = (next: (item: TrayItem) => TrayItem) => {
        if (!current()) return;
        running.current.delete(id);
        change(id, next);
      };
      const handle: Upload = send(file, {
        onProgress: (sent) => current() && change(id, (item) => withProgress(item, sent, Date.now())),
        onDone: () => {
          finish((item) => ({ ...item, state: 'done', sent: item.size, speed: 0 }));
          void store.getState().refresh();
        },
        onFailed: (message) => finish((item) => ({ ...item, state: 'failed', speed: 0, message })),
      });
      running.current.set(id, handle);
      change(id, (item) => started(item, Date.now()));
    },
    [platform, change, store],
  );

  // Starts waiting uploads while fewer than uploadsAtOnce run.
  useEffect(() => {
    const free = uploadsAtOnce - items.filter((item) => item.state === 'uploading').length;
    for (const item of items.filter((row) => row.state === 'waiting').slice(0, Math.max(0, free))) start(item.id);
  }, [items, start]);

  /**
   * Files to add: each file's content is looked up first, and one in Ferry already waits for the
   * user; the others are uploaded, or added by path with the files left out (`left`) reported.
   */
  const add = useCallback(
    async (given: readonly TrayFile[], left: readonly Skipped[] = []) => {
      const ids = given.map((file) => {
        const id = nextId++;
        files.current.set(id, file);
        return id;
      });
      setItems((rows) => [
        ...rows,
        ...given.map((file, i) => newItem(ids[i] ?? 0, file.name, file.file?.size ?? 0, 'checking')),
      ]);
      const found = await findMatches(given, (fingerprints) => api.findByFingerprint({ fingerprints }));
      // A second copy in the same drop repeats the first.
      const repeats = found.map(({ fingerprint }, i) => {
        const first = found.findIndex((other) => other.fingerprint === fingerprint);
        return fingerprint !== undefined && first < i ? given[first]?.name : undefined;
      });
      // What is added by path leaves the tray once checked: the engine's answer is told instead.
      setItems((rows) => {
        const sending = new Map(
          rows.flatMap((row) => (row.fingerprint && sendingStates.has(row.state) ? [[row.fingerprint, row.name]] : [])),
        );
        return rows.flatMap((row) => {
          const at = ids.indexOf(row.id);
          if (at < 0 || row.state !== 'checking') return [row];
          const { fingerprint, match } = found[at] ?? {};
          const inTray = repeats[at] ?? (fingerprint === undefined ? undefined : sending.get(fingerprint));
          const checked = { ...row, ...(fingerprint ? { fingerprint } : {}) };
          if (match) return [{ ...checked, state: 'already' as const, match }];
          if (inTray !== undefined)
            return [{ ...checked, state: 'already' as const, match: { name: inTray, inTray: true } }];
          return given[at]?.path === undefined ? [{ ...checked, state: 'waiting' as const }] : [];
        });
      });
      const paths = given.flatMap((file, i) =>
        file.path !== undefined && !found[i]?.match && repeats[i] === undefined && !canceled.current.has(ids[i] ?? 0)
          ? [file.path]
          : [],
      );
      if (paths.length > 0) await addPaths(paths, { left: [...left] });
      else note(left);
    },
    [api, addPaths, note],
  );

  /** "Add again": the file whose content is in Ferry already is added all the same. */
  const addAgain = useCallback(
    (id: number) => {
      const path = files.current.get(id)?.path;
      if (path === undefined) return change(id, (item) => ({ ...item, state: 'waiting' }));
      setItems((rows) => rows.filter((row) => row.id !== id));
      void addPaths([path], { allowCopies: true });
    },
    [change, addPaths],
  );

  const skip = useCallback(
    (id: number) => change(id, (item) => ({ ...item, state: 'skipped', message: 'already in Ferry' })),
    [change],
  );

  const cancel = useCallback(
    (id: number) => {
      running.current.get(id)?.abort();
      running.current.delete(id);
      canceled.current.add(id);
      change(id, (item) => ({ ...item, state: 'canceled', speed: 0 }));
    },
    [change],
  );

  const retry = useCallback(
    (id: number) => {
      const path = files.current.get(id)?.path;
      if (path === undefined) return change(id, (item) => ({ ...item, state: 'waiting', sent: 0 }));
      setItems((rows) => rows.filter((row) => row.id !== id));
      void addPaths([path]);
    },
    [change, addPaths],
  );

  const clear = useCallback(() => {
    setItems((rows) => {
      const kept = rows.filter((row) => ['checking', 'waiting', 'uploading', 'already'].includes(row.state));
      for (const row of rows) if (!kept.includes(row)) files.current.delete(row.id);
      return kept;
    });
  }, []);

  return { items, add, addPaths, addAgain, skip, cancel, retry, note, clear };
}
