/**
 * What a caller of `ferry serve` sees of the engine's answers, over HTTP and the socket alike:
 * every Video with its media as URLs on this server (shared/shown-video.ts), and no path of this machine
 * in any text (the data directory, the home folder, a video's own files).
 */
import os from 'node:os';
import type { EventName, FerryEvents } from '../../shared/api';
import type { Envelope } from '../../shared/ferry-error';
import type { Video } from '../../shared/video';
import { isCommandName } from '../engine/api/dispatch';
import { hideHostPaths, hideInText, hostPaths } from '../../shared/hide-host-paths';
import type { ServerContext } from './server-context';
import { shownEvent, shownOutput } from './shown-output';
import { shownVideo } from '../../shared/shown-video';
import { streamVideo, type StreamVideo } from './stream-video';

type Show = (video: Video) => Video;

export interface CallerView {
  video(video: Video): Video & { preview: string };
  /** The video as Cloudflare's API answers it (stream-video.ts): for the HTTP API only. */
  stream(video: Video): StreamVideo;
  /** A command's envelope: its videos shown, every host path hidden (failures' messages too). */
  reply(name: string, envelope: Envelope<unknown>): Envelope<unknown>;
  event<E extends EventName>(name: E, payload: FerryEvents[E]): FerryEvents[E];
  text(text: string): string;
}

export function callerView(context: Pick<ServerContext, 'baseUrl' | 'paths'>, home = os.homedir()): CallerView {
  const hidden = hostPaths(context.paths.dataDir, home);
  const video = (one: Video) => shownVideo(one, context.baseUrl(), hidden);
  return {
    video,
    stream: (one) => streamVideo(video(one)),
    reply(name, envelope) {
      if (!envelope.ok || !isCommandName(name)) return hideHostPaths(envelope, hidden);
      const show = shownOutput[name] as (output: unknown, show: Show) => unknown;
      return hideHostPaths({ ok: true, value: show(envelope.value, video) }, hidden);
    },
    event: (name, payload) => hideHostPaths(shownEvent[name](payload, video), hidden),
    text: (text) => hideInText(text, hidden),
  };
}
