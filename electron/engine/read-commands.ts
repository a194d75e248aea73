/**
 * The commands that only read videos, over any store of a data directory: the engine's own, or a
 * read-only connection beside it (open-video-reader.ts) that lets `ferry serve` answer reads while
 * the engine's process is busy. One definition, so both answer alike, failures included.
 */
import type { FerryCommands } from '../../shared/api';
import { FerryError } from '../../shared/ferry-error';
import type { Video } from '../../shared/video';
import type { VideoStore } from './store/video-store';

export type ReadCommands = Pick<FerryCommands, 'get' | 'getMany' | 'list' | 'history' | 'findByFingerprint'>;
export const readCommandNames = [
  'get',
  'getMany',
  'list',
  'history',
  'findByFingerprint',
] as const satisfies (keyof ReadCommands)[];

export function readCommands(store: VideoStore, dataDir: string): ReadCommands {
  const notFound = (uid: string) => new FerryError('NOT_FOUND', `No video with uid ${uid} in ${dataDir}.`);
  return {
    list: async (query) => store.list(query),
    get: async ({ uid }) => {
      const video = store.get(uid);
      if (!video) throw notFound(uid);
      return video;
    },
    getMany: async ({ uids }) => uids.map((uid) => store.get(uid)).filter((v): v is Video => v !== undefined),
    history: async ({ uid }) => {
      if (store.stateOf(uid) === undefined) throw notFound(uid);
      return store.history(uid);
    },
    findByFingerprint: async ({ fingerprints }) => store.findByFingerprint(fingerprints),
  };
}
