/**
 * Files dropped or picked, sent to the engine the way this platform can: by path (Electron; the
 * engine scans folders) or uploaded one by one (a browser; folders read here). A lone list file
 * opens the import preview instead. What was skipped, and each upload's progress, stay on screen
 * until the user clears them.
 */
import { useCallback, useRef, useState } from 'react';
import type { Upload } from '../../platform/upload-file';
import { useApp } from '../../app/app-context';
import { describeAdded } from './describe-result';
import { expandFolders, pickedFiles, type DroppedFile } from './dropped-entries';
import { listExtensions, videoAccept } from './file-kinds';
import { planDrop } from './plan-drop';

export interface UploadRow {
  id: number;
  name: string;
  pct: number;
  state: 'uploading' | 'done' | 'failed' | 'canceled';
  message?: string;
}

export interface Skipped {
  input: string;
  reason: string;
}

let nextUpload = 1;

export function useFileIntake(onList: (file: File) => void) {
  const { api, store, platform, tell, report } = useApp();
  const [uploads, setUploads] = useState<UploadRow[]>([]);
  const [skipped, setSkipped] = useState<Skipped[]>([]);
  const running = useRef(new Map<number, Upload>());

  const update = useCallback(
    (id: number, change: Partial<UploadRow>) =>
      setUploads((rows) => rows.map((row) => (row.id === id ? { ...row, ...change } : row))),
    [],
  );

  const addPaths = useCallback(
    async (paths: string[], left: Skipped[]) => {
      try {
        const result = await api.addFiles({ paths });
        setSkipped((before) => [...before, ...left, ...(result.skipped ?? [])]);
        tell(describeAdded(result, left));
        void store.getState().refresh();
      } catch (error) {
        report(error);
      }
    },
    [api, store, tell, report],
  );

  const upload = useCallback(
    (files: DroppedFile[]) => {
      const send = platform.uploadFile;
      if (!send) return;
      for (const { file, name } of files) {
        if (!file) continue;
        const id = nextUpload++;
        setUploads((rows) => [...rows, { id, name, pct: 0, state: 'uploading' }]);
        const handle = send(file, {
          onProgress: (pct) => update(id, { pct }),
          onDone: () => {
            running.current.delete(id);
            update(id, { pct: 100, state: 'done' });
            tell(`Uploaded ${name}; Ferry queued it.`);
            void store.getState().refresh();
          },
          onFailed: (message) => {
            running.current.delete(id);
            update(id, { state: 'failed', message });
          },
        });
        running.current.set(id, handle);
      }
    },
    [platform, update, tell, store],
  );

  const addDropped = useCallback(
    async (dropped: DroppedFile[], { importAlone = true } = {}) => {
      const first = planDrop(dropped, { importAlone });
      if (first.kind === 'import') {
        if (first.list.file) onList(first.list.file);
        return;
      }
      const left: Skipped[] = first.skipped.map(({ item, reason }) => ({ input: item.name, reason }));
      if (!platform.uploadFile) {
        const paths: string[] = [];
        for (const item of first.videos) {
          const path = item.file && platform.pathForFile(item.file);
          if (path) paths.push(path);
          else left.push({ input: item.name, reason: 'Ferry cannot tell where this file is on disk' });
        }
        if (paths.length > 0) return addPaths(paths, left);
        setSkipped((before) => [...before, ...left]);
        tell('Nothing to add: no video files among them.');
        return;
      }
      // A browser has no paths: folders are read here, and their videos uploaded one by one.
      const plan = planDrop(await expandFolders(first.videos), { importAlone: false });
      if (plan.kind === 'import') return;
      left.push(...plan.skipped.map(({ item, reason }) => ({ input: item.name, reason })));
      setSkipped((before) => [...before, ...left]);
      if (plan.videos.length === 0 && left.length > 0) tell('Nothing to upload: no video files among them.');
      upload(plan.videos);
    },
    [platform, onList, addPaths, upload, tell],
  );

  const pick = useCallback(
    async (folders: boolean) => {
      try {
        if (platform.pickPaths) {
          const paths = await platform.pickPaths({ folders });
          if (paths.length > 0) await addPaths(paths, []);
          return;
        }
        const files = await platform.pickFiles({ folders, ...(folders ? {} : { accept: videoAccept }) });
        if (files.length > 0) await addDropped(pickedFiles(files), { importAlone: !folders });
      } catch (error) {
        report(error);
      }
    },
    [platform, addPaths, addDropped, report],
  );

  const pickList = useCallback(async () => {
    const [file] = await platform.pickFiles({ accept: listExtensions.map((extension) => `.${extension}`) });
    if (file) onList(file);
  }, [platform, onList]);

  const cancel = useCallback(
    (id: number) => {
      running.current.get(id)?.abort();
      running.current.delete(id);
      update(id, { state: 'canceled' });
    },
    [update],
  );

  const clear = useCallback(() => {
    setUploads((rows) => rows.filter((row) => row.state === 'uploading'));
    setSkipped([]);
  }, []);

  return { uploads, skipped, addDropped, pick, pickList, cancel, clear };
}
