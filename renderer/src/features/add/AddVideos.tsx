/**
 * Adding videos from anywhere on the window, the same in Electron and in a browser: files and
 * folders dropped on it, links pasted on it (Ctrl/Cmd+V outside text fields) into a confirm
 * sheet, a list file dropped or picked into an import preview, the "Add videos" menu, and the
 * optional clipboard watcher's offer; in the desktop app, the links a ferry:// link brought, in
 * the same sheet, to confirm.
 */
import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { OfferedLinks } from '../../../../shared/platform-bridge';
import { useApp } from '../../app/app-context';
import { AddMenu } from './AddMenu';
import { ClipboardOffer } from './ClipboardOffer';
import { ImportSheet } from './ImportSheet';
import { offeredText } from './offered-links';
import { PasteSheet } from './PasteSheet';
import { UploadTray } from './UploadTray';
import { useClipboardWatcher } from './use-clipboard-watcher';
import { useDropFiles } from './use-drop-files';
import { useFileIntake } from './use-file-intake';
import { useOfferedLinks } from './use-offered-links';
import { usePasteLinks } from './use-paste-links';
import './add-videos.css';

type OpenSheet =
  | { kind: 'paste'; text: string; key: number; fromMenu: boolean; offered?: OfferedLinks }
  | { kind: 'import'; file: File; key: number }
  | null;

let sheets = 0;

export function AddVideos() {
  const { platform, settings, report } = useApp();
  const [sheet, setSheet] = useState<OpenSheet>(null);
  // Focus comes back to the Add button when a sheet opened from its menu closes (the menu item is gone).
  const trigger = useRef<HTMLButtonElement>(null);
  const openPaste = (text: string, fromMenu = false) => setSheet({ kind: 'paste', text, key: ++sheets, fromMenu });
  const openOffered = (offered: OfferedLinks) =>
    setSheet({ kind: 'paste', text: offeredText(offered), key: ++sheets, fromMenu: false, offered });
  const openImport = (file: File) => setSheet({ kind: 'import', file, key: ++sheets });
  const close = () => setSheet(null);

  const intake = useFileIntake(openImport);
  usePasteLinks(openPaste);
  useOfferedLinks(platform.offeredLinks, openOffered, report);
  const { dragging } = useDropFiles((dropped) => void intake.addDropped(dropped));
  const watching = useStore(settings, (s) => s.settings?.ui.watchClipboard ?? false);
  const clipboard = useClipboardWatcher(platform.readClipboard, watching);

  return (
    <>
      <div className="add-bar">
        <AddMenu
          ref={trigger}
          onFiles={() => void intake.pick(false)}
          onFolder={() => void intake.pick(true)}
          onPaste={() => openPaste('', true)}
          onImport={() => void intake.pickList()}
        />
      </div>
      {dragging && (
        <div className="add-drop-hint" aria-hidden="true">
          Drop videos or folders to add them, or one list file to import it
        </div>
      )}
      <UploadTray
        items={intake.tray.items}
        onCancel={intake.tray.cancel}
        onRetry={intake.tray.retry}
        onAddAgain={intake.tray.addAgain}
        onSkip={intake.tray.skip}
        onClear={intake.tray.clear}
      />
      <ClipboardOffer
        notice={clipboard.notice}
        onDismiss={clipboard.dismiss}
        onAdd={(links) => {
          clipboard.dismiss();
          openPaste(links.join('\n'));
        }}
      />
      {sheet?.kind === 'paste' && (
        <PasteSheet
          key={sheet.key}
          initialText={sheet.text}
          offered={sheet.offered}
          onClose={close}
          returnFocus={sheet.fromMenu ? trigger : undefined}
        />
      )}
      {sheet?.kind === 'import' && <ImportSheet key={sheet.key} file={sheet.file} onClose={close} />}
    </>
  );
}
