/**
 * A failed row's reason: one line, cut to the row's width, with the whole text as its tooltip; a
 * click (or Enter on it) opens the whole reason, what it means, what to do, and whether a retry
 * can help, in a dialog that does not move the list. A drop-in for the row's `.video-error` line:
 * renders nothing for a video that did not fail or has no reason.
 */
import * as Dialog from '@radix-ui/react-dialog';
import type { Video } from '../../../../shared/video';
import { routeHref } from '../../app/route';
import { errorHelp, retryWarning } from '../video/error-help';
import { videoTitle } from './video-text';
import './row-error.css';

export function RowError({ video }: { video: Video }) {
  const { state, errorReasonText: reason, errorReasonCode: code } = video.status;
  if (state !== 'error' || !reason) return null;
  const help = errorHelp(code);
  const warning = retryWarning(code);
  const title = videoTitle(video);
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button type="button" className="video-error row-error" title={reason}>
          {reason}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog row-error-dialog">
          <Dialog.Title>Why {title} failed</Dialog.Title>
          <Dialog.Description className="row-error-reason">{reason}</Dialog.Description>
          <p>{help.what}</p>
          <p>
            <strong>What to do:</strong> {help.fix}
          </p>
          {warning && <p className="retry-warning">{warning}</p>}
          <div className="form-actions">
            <a href={routeHref({ screen: 'video', uid: video.uid })}>Open the video&apos;s page</a>
            <Dialog.Close asChild>
              <button type="button">Close</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
