/**
 * Drop files anywhere on the page to upload them (upload-file.ts). Only files: a dragged link or
 * text is left to the browser.
 */
import { useEffect } from 'react';
import { uploadFile, type UploadReport } from './upload-file';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function useDropFiles(origin: string, token: string, report: UploadReport): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file instead of handing it to the page.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      for (const file of event.dataTransfer?.files ?? []) uploadFile(file, origin, token, report);
    };
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop);
    };
  }, [origin, token, report]);
}
