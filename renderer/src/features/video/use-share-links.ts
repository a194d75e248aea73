/**
 * A ready video's links to take away (the contract's `shareLinks`), asked again when what they
 * depend on changes: the video becoming ready, its outputs deleted, or its signed-URL setting.
 */
import { useEffect, useState } from 'react';
import type { ShareLinks } from '../../../../shared/share-links';
import type { Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';

export type ShareState =
  { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; links: ShareLinks };

export function useShareLinks(video: Video): ShareState {
  const { api } = useApp();
  const { uid, readyToStreamAt, requireSignedURLs, outputsDeletedAt } = video;
  // Kept with what it was asked for, so that a change shows loading rather than the old answer.
  const key = [uid, readyToStreamAt, requireSignedURLs, outputsDeletedAt].join('|');
  const [answer, setAnswer] = useState<{ key: string; state: ShareState } | null>(null);
  useEffect(() => {
    let live = true;
    api.shareLinks({ uid }).then(
      (links) => live && setAnswer({ key, state: { status: 'ready', links } }),
      (error: unknown) =>
        live &&
        setAnswer({ key, state: { status: 'failed', error: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [api, uid, key]);
  return answer?.key === key ? answer.state : { status: 'loading' };
}
