/**
 * One video's actions: what its state most calls for as buttons (pause, resume, retry, cancel),
 * and the rarer ones in a "More actions" menu (open folder, copy link, move a waiting video up,
 * down, to the top or the bottom, deliver a ready one, remove), so a row keeps every action
 * reachable in a narrow window. Remove waits for its Undo; Retry says, on a failure a retry does
 * not fix, that it will fail again.
 */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { memo, useState } from 'react';
import { useStore } from 'zustand';
import type { QueueMove } from '../../../../shared/api';
import type { VideoState } from '../../../../shared/video-states';
import { routeHref } from '../../app/route';
import { DeliverToDialog } from '../video/DeliverToDialog';
import { retryWarning } from '../video/error-help';
import { useQueue } from './queue-context';
import { useRemoveWithUndo } from './remove-with-undo';
import { actionLabels, rowActionsFor, type RowAction } from './video-text';

interface RowActionsProps {
  uid: string;
  state: VideoState;
  title: string;
  /** The link the video came from, to copy; none for a file. */
  url: string | undefined;
  /** It plays now (while its ladder is still encoded, or ready): Play is offered. */
  playable: boolean;
}

/** Takes only what it shows, so a progress event (a new video object, same state) does not render it again. */
export const RowActions = memo(function RowActions({ uid, state, title, url, playable }: RowActionsProps) {
  const { api, store, platform, report } = useQueue();
  const removeWithUndo = useRemoveWithUndo();
  // The code only (a string): a progress event does not render the row's actions again.
  const code = useStore(store, (s) => (state === 'error' ? s.videos.get(uid)?.status.errorReasonCode : undefined));
  const warning = state === 'error' ? retryWarning(code) : undefined;
  const { buttons, menu } = rowActionsFor(state);
  const [delivering, setDelivering] = useState(false);
  // The store's move asks for the list again: the order changes, but no count, so no event would.
  const move = (to: Extract<QueueMove, { to: string }>['to']) => void store.getState().move({ uid, to }).catch(report);
  const run = (action: RowAction) => {
    switch (action) {
      case 'remove':
        return removeWithUndo([uid]);
      case 'moveToTop':
        return move('top');
      default:
        return void api[action]({ uids: [uid] }).catch(report);
    }
  };
  return (
    <div className="row-actions">
      {playable && (
        <a
          className="row-play"
          href={routeHref({ screen: 'video', uid, play: true })}
          aria-label={`Play ${title}`}
          onClick={(event) => event.stopPropagation()}
        >
          Play
        </a>
      )}
      {buttons.map((action, slot) => (
        // Keyed by place, not action: Pause becoming Resume stays the same button and keeps the keyboard's focus.
        <button
          key={slot}
          type="button"
          aria-label={`${actionLabels[action]} ${title}`}
          title={action === 'retry' ? warning : undefined}
          onClick={() => run(action)}
        >
          {actionLabels[action]}
        </button>
      ))}
      <Menu.Root>
        <Menu.Trigger asChild>
          <button type="button" className="more-actions" aria-label={`More actions for ${title}`}>
            <span aria-hidden="true">⋯</span>
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          {/* React carries a portal's clicks up to the row, which would select the row now in this place. */}
          <Menu.Content className="row-menu" align="end" sideOffset={4} onClick={(event) => event.stopPropagation()}>
            {platform.canOpenFolder && (
              <Menu.Item className="row-menu-item" onSelect={() => void platform.openFolder(uid).catch(report)}>
                Open folder
              </Menu.Item>
            )}
            {url && (
              <Menu.Item className="row-menu-item" onSelect={() => void platform.copyText(url).catch(report)}>
                Copy link
              </Menu.Item>
            )}
            {state === 'queued' && (
              <>
                <Menu.Item className="row-menu-item" onSelect={() => move('top')}>
                  Move to top
                </Menu.Item>
                <Menu.Item className="row-menu-item" onSelect={() => move('up')}>
                  Move up
                </Menu.Item>
                <Menu.Item className="row-menu-item" onSelect={() => move('down')}>
                  Move down
                </Menu.Item>
                <Menu.Item className="row-menu-item" onSelect={() => move('bottom')}>
                  Move to bottom
                </Menu.Item>
              </>
            )}
            {state === 'ready' && (
              <Menu.Item className="row-menu-item" onSelect={() => setDelivering(true)}>
                Deliver to…
              </Menu.Item>
            )}
            {menu
              .filter((action) => action !== 'moveToTop')
              .map((action) => (
                <Menu.Item
                  key={action}
                  className={action === 'remove' ? 'row-menu-item danger' : 'row-menu-item'}
                  onSelect={() => run(action)}
                >
                  {actionLabels[action]}
                </Menu.Item>
              ))}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {delivering && <DeliverToDialog uids={[uid]} open onClose={() => setDelivering(false)} />}
    </div>
  );
});
