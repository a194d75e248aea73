/**
 * One video, kept live: asked for once (api.get), then the newest of that answer, the store's copy
 * and the engine's `videos` events for this uid (newer `modified` wins); its history is asked for
 * again whenever something that writes history changed (not on every percent of progress). Both
 * are asked for again when the store resumes (the socket or the engine's process came back):
 * no event told what changed while they were away.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { VideoEvent } from '../../../../shared/api';
import { FerryError } from '../../../../shared/ferry-error';
import type { Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';
import { isNewer } from '../../store/list-windows';

export type VideoLoad =
  | { status: 'loading' }
  | { status: 'missing'; removed: boolean }
  | { status: 'failed'; message: string }
  | { status: 'ready'; video: Video };

const newest = (a: Video | undefined, b: Video | undefined): Video | undefined =>
  !a ? b : !b ? a : isNewer(b, a) ? b : a;

/** What changes when the engine adds to the history: states, retries, deliveries. */
function historyKey(video: Video): string {
  const { state, nextAttemptAt, errorReasonCode } = video.status;
  // The service's id too: a delivery sent again can go from ready to ready, through states too quick to be seen.
  const deliveries = video.deliveries.map((d) => `${d.target}:${d.state}:${d.remoteId ?? ''}`).join(',');
  return [state, nextAttemptAt, errorReasonCode, video.readyToStreamAt, deliveries].join('|');
}

export interface History {
  events: VideoEvent[];
  /** Why the history could not be read, while the video itself could. */
  error: string | null;
}

export function useVideo(uid: string): { load: VideoLoad; history: History } {
  const { api, store } = useApp();
  const [load, setLoad] = useState<VideoLoad>({ status: 'loading' });
  const [heard, setHeard] = useState<Video | undefined>(undefined);
  const [history, setHistory] = useState<History>({ events: [], error: null });
  const stored = useStore(store, (s) => s.videos.get(uid));
  const resumed = useStore(store, (s) => s.resumed);

  useEffect(() => {
    let live = true;
    api.get({ uid }).then(
      (video) => {
        if (!live) return;
        setHeard((known) => newest(known, video));
        // An earlier failure (the engine restarting) no longer holds once it answers.
        setLoad((known) => (known.status === 'failed' ? { status: 'loading' } : known));
      },
      (error: unknown) =>
        live &&
        setLoad(
          error instanceof FerryError && error.code === 'NOT_FOUND'
            ? { status: 'missing', removed: false }
            : { status: 'failed', message: error instanceof Error ? error.message : String(error) },
        ),
    );
    const offs = [
      api.on('videos', (batch) => {
        const mine = batch.filter((v) => v.uid === uid).reduce<Video | undefined>(newest, undefined);
        if (mine) setHeard((known) => newest(known, mine));
      }),
      api.on('removed', (uids) => uids.includes(uid) && setLoad({ status: 'missing', removed: true })),
    ];
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, [api, uid, resumed]);

  const video = newest(heard, stored);
  const gone = load.status === 'missing' || load.status === 'failed';
  const key = video ? historyKey(video) : null;

  useEffect(() => {
    if (key === null) return;
    let live = true;
    api.history({ uid }).then(
      (events) => live && setHistory({ events, error: null }),
      (error: unknown) =>
        live && setHistory((known) => ({ ...known, error: error instanceof Error ? error.message : String(error) })),
    );
    return () => {
      live = false;
    };
  }, [api, uid, key, resumed]);

  if (gone) return { load, history };
  return { load: video ? { status: 'ready', video } : load, history };
}
