/**
 * One video's actions: what its state most calls for as buttons (pause, resume, retry, cancel),
 * and the rarer ones in a "More actions" menu (open folder, copy link, move to top, remove), so
 * a row keeps every action reachable in a window 1000 px wide.
 */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { memo } from 'react';
import type { VideoState } from '../../../../shared/video-states';
import { useQueue } from './queue-context';
import { actionLabels, rowActionsFor, type RowAction } from './video-text';

interface RowActionsProps {
  uid: string;
  state: VideoState;
  title: string;
  /** The link the video came from, to copy; none for a file. */
  url: string | undefined;
}

/** Takes only what it shows, so a progress event (a new video object, same state) does not render it again. */
export const RowActions = memo(function RowActions({ uid, state, title, url }: RowActionsProps) {
  const { api, store, platform, report } = useQueue();
  const { buttons, menu } = rowActionsFor(state);
  const run = (action: RowAction) => {
    // Moving changes the order but no count, so no event would bring the list up to date: ask again.
    const done =
      action === 'moveToTop'
        ? api.moveToTop({ uid }).then(() => store.getState().refresh())
        : api[action]({ uids: [uid] });
    done.catch(report);
  };
  return (
    <div className="row-actions">
      {buttons.map((action, slot) => (
        // Keyed by place, not action: Pause becoming Resume stays the same button and keeps the keyboard's focus.
        <button key={slot} type="button" aria-label={`${actionLabels[action]} ${title}`} onClick={() => run(action)}>
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
          <Menu.Content className="row-menu" align="end" sideOffset={4}>
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
            {menu.map((action) => (
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
    </div>
  );
});
