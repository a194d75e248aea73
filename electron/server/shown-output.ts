/**
 * Where each command's answer carries Video objects, so the socket shows every one of them as
 * the HTTP API does (video-urls.ts). A Record over every command: a new command must say. Pure.
 */
import type { AddResult, CommandName, CommandOutput, EventName, FerryEvents } from '../../shared/api';
import type { Video } from '../../shared/video';

type Show = (video: Video) => Video;

const same = <T>(value: T): T => value;
const added = (result: AddResult, show: Show): AddResult => ({ ...result, queued: result.queued.map(show) });
const one = (video: Video, show: Show) => show(video);

export const shownOutput: { [K in CommandName]: (output: CommandOutput<K>, show: Show) => CommandOutput<K> } = {
  addLinks: added,
  addFiles: added,
  importList: same,
  checkLinks: same,
  pause: same,
  resume: same,
  cancel: same,
  retry: same,
  remove: same,
  moveToTop: one,
  move: one,
  deliver: same,
  shareLinks: same,
  pauseQueue: same,
  resumeQueue: same,
  stopAfterCurrent: same,
  list: (page, show) => ({ ...page, videos: page.videos.map(show) }),
  get: one,
  edit: one,
  clip: one,
  getMany: (videos, show) => videos.map(show),
  history: same,
  findByFingerprint: same,
  totals: same,
  getSettings: same,
  setSettings: same,
  libraryStatus: same,
  moveLibrary: same,
  listTargets: same,
  saveTarget: same,
  removeTarget: same,
  testTarget: same,
  verifyWebhook: same,
  restartEngine: same,
};

export const shownEvent: { [E in EventName]: (payload: FerryEvents[E], show: Show) => FerryEvents[E] } = {
  videos: (videos, show) => videos.map(show),
  removed: same,
  totals: same,
  engine: same,
  settings: same,
};
