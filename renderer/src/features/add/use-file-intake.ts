/**
 * Files dropped or picked, sent to the engine the way this platform can: by path (Electron; the
 * engine scans folders) or uploaded (a browser; folders read here). A lone list file opens the
 * import preview instead. What was skipped, each upload's progress, and the files whose content
 * is in Ferry already stay in the upload tray (use-upload-tray.ts) until the user clears them.
 */
import { useCallback } from 'react';
import { useApp } from '../../app/app-context';
import { expandFolders, pickedFiles, type DroppedFile } from './dropped-entries';
import { listExtensions, videoAccept } from './file-kinds';
import { planDrop } from './plan-drop';
import { useUploadTray, type Skipped, type TrayFile } from './use-upload-tray';

export function useFileIntake(onList: (file: File) => void) {
  const { platform, tell, report } = useApp();
  const tray = useUploadTray();
  const { add, addPaths, note } = tray;

  const addDropped = useCallback(
    async (dropped: DroppedFile[], { importAlone = true } = {}) => {
      const first = planDrop(dropped, { importAlone });
      if (first.kind === 'import') {
        if (first.list.file) onList(first.list.file);
        return;
      }
      const left: Skipped[] = first.skipped.map(({ item, reason }) => ({ input: item.name, reason }));
      if (!platform.uploadFile) {
        // The desktop app: files by path once their content is checked, folders scanned by the engine.
        const given: TrayFile[] = [];
        for (const item of first.videos) {
          const path = item.file && platform.pathForFile(item.file);
          if (!path) left.push({ input: item.name, reason: 'Ferry cannot tell where this file is on disk' });
          else given.push({ name: item.name, path, ...(item.folder || !item.file ? {} : { file: item.file }) });
        }
        if (given.length === 0) tell('Nothing to add: no video files among them.');
        return add(given, left);
      }
      // A browser has no paths: folders are read here, and their videos uploaded.
      const plan = planDrop(await expandFolders(first.videos), { importAlone: false });
      if (plan.kind === 'import') return;
      left.push(...plan.skipped.map(({ item, reason }) => ({ input: item.name, reason })));
      note(left);
      if (plan.videos.length === 0 && left.length > 0) tell('Nothing to upload: no video files among them.');
      await add(plan.videos.flatMap(({ file, name }) => (file ? [{ name, file }] : [])));
    },
    [platform, onList, add, note, tell],
  );

  const pick = useCallback(
    async (folders: boolean) => {
      try {
        if (platform.pickPaths) {
          const paths = await platform.pickPaths({ folders });
          if (paths.length > 0) await addPaths(paths);
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

  return { tray, addDropped, pick, pickList };
}
