/**
 * An in-memory FerryApi for component tests, generated from the contract: every name in
 * `commandNames` becomes a command that records its call and answers from `fakeAnswers`. A command
 * added to the contract without an answer here fails to compile (the table is a Record over
 * CommandName) and fails the fake's own test. Commands that change videos emit `videos` and
 * `totals` as the engine does, so a screen sees its own actions come back; an `engine` event
 * emitted by a test is the fake engine's status, which `restartEngine` answers and changes.
 */
import {
  commandNames,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type FerryApi,
  type FerryCommands,
  type FerryEvents,
  type QueueMove,
  type QueueTotals,
  type Selection,
  type Settings,
} from '../../../shared/api';
import { providerFacts, type DeliveryTarget } from '../../../shared/delivery-targets';
import { type LinkCheck, type LinkCheckRow } from '../../../shared/link-check';
import { runningEngine, type EngineStatus } from '../../../shared/engine-status';
import { FerryError } from '../../../shared/ferry-error';
import { fakeListOrder } from './fake-list-order';
import { fakeDeliver, fakeEdit, fakeShareLinks } from './fake-delivery-answers';
import { unknownVideoDetails, type Video } from '../../../shared/video';
import { unfinishedCount, videoStates, type VideoState } from '../../../shared/video-states';

export interface FakeCall {
  name: CommandName;
  input: unknown;
}

interface FakeWorld {
  videos: Video[];
  queue: QueueTotals['queue'];
  settings: Settings;
  targets: DeliveryTarget[];
  /** The engine's process as last told by an `engine` event. */
  engine: EngineStatus;
  emit<E extends keyof FerryEvents>(event: E, payload: FerryEvents[E]): void;
}

/** The fake library's volume: 120 GiB free. */
const fakeFreeBytes = 120 * 1024 ** 3;

type Answers = { [K in CommandName]: (world: FakeWorld, input: CommandInput<K>) => CommandOutput<K> };

const fakeSettings: Settings = {
  concurrency: { downloads: 4, downloadsPerHost: 2, transcodes: 1, deliveries: 2 },
  webhookUrl: null,
  minFreeDiskBytes: 2 * 1024 ** 3,
  keepOriginal: false,
  serve: { enabled: false, port: 8787 },
  uploads: { maxSizeBytes: 200 * 1024 ** 3 },
  defaults: { ladder: 'auto', thumbnailTimestampPct: 0 },
  transcode: { ladder: 'per-title', preset: 'balanced', codec: 'h264' },
  ui: { theme: 'system', watchClipboard: false },
  delivery: { deliverTo: [], maxUploadBytesPerSecond: null },
  download: { maxBytesPerSecond: null, hours: null },
  webhookSecret: 'fake-secret',
  library: '/home/user/.config/Ferry/library',
};

/** Where `move` puts a video among the others (the fake's list is its queue order). */
function fakeMoveIndex(rest: readonly Video[], from: number, input: QueueMove): number {
  if ('before' in input) {
    const at = rest.findIndex(({ uid }) => uid === input.before);
    return Math.max(0, at);
  }
  const to = { top: 0, up: from - 1, down: from + 1, bottom: rest.length }[input.to];
  return Math.max(0, Math.min(rest.length, to));
}

export function fakeTotals(videos: readonly Video[], queue: QueueTotals['queue']): QueueTotals {
  const byState = Object.fromEntries(videoStates.map((s) => [s, 0])) as Record<VideoState, number>;
  videos.forEach((v) => byState[v.status.state]++);
  const bytesPerSecond = videos.reduce((n, v) => n + (v.status.bytesPerSecond ?? 0), 0);
  return { byState, total: videos.length, bytesPerSecond, etaSeconds: -1, batch: fakeBatch(videos, byState), queue };
}

/** The fake's batch is every video, while any is still in the queue (the engine's starts when the queue was last empty). */
function fakeBatch(videos: readonly Video[], byState: Record<VideoState, number>): QueueTotals['batch'] {
  const inQueue = unfinishedCount(byState) + byState.paused;
  if (inQueue === 0) return { done: 0, total: 0, bytesDone: 0, bytesTotal: 0 };
  const links = videos.filter(
    (v) => v.source.kind === 'url' && v.size > 0 && !['error', 'canceled'].includes(v.status.state),
  );
  const downloaded = (v: Video) => (v.status.step === 'fetch' ? (v.size * v.status.pctComplete) / 100 : v.size);
  return {
    done: byState.ready + byState.error + byState.canceled,
    total: videos.length,
    bytesDone: Math.round(links.reduce((n, v) => n + downloaded(v), 0)),
    bytesTotal: links.reduce((n, v) => n + v.size, 0),
  };
}

const selected = (world: FakeWorld, selection: Selection) =>
  'all' in selection ? world.videos : world.videos.filter((v) => selection.uids.includes(v.uid));

/** Moves the selected videos that may go to `to`, and tells the listeners as the engine would. */
function transition(world: FakeWorld, selection: Selection, from: readonly VideoState[], to: VideoState) {
  const changed: Video[] = [];
  const chosen = new Set(selected(world, selection));
  world.videos = world.videos.map((v) => {
    if (!chosen.has(v) || !from.includes(v.status.state)) return v;
    const next = { ...v, modified: new Date().toISOString(), status: { ...v.status, state: to } };
    changed.push(next);
    return next;
  });
  if (changed.length) {
    world.emit('videos', changed);
    world.emit('totals', fakeTotals(world.videos, world.queue));
  }
  return { changed: changed.length };
}

function find(world: FakeWorld, uid: string): Video {
  const video = world.videos.find((v) => v.uid === uid);
  if (!video) throw new FerryError('NOT_FOUND', `No video ${uid}.`);
  return video;
}

function setQueue(world: FakeWorld, queue: Partial<QueueTotals['queue']>): QueueTotals {
  world.queue = { ...world.queue, ...queue };
  const totals = fakeTotals(world.videos, world.queue);
  world.emit('totals', totals);
  return totals;
}

function linkVideo(url: string, name?: string): Video {
  const now = new Date().toISOString();
  return {
    ...unknownVideoDetails(),
    uid: crypto.randomUUID().replaceAll('-', ''),
    created: now,
    modified: now,
    meta: name ? { name } : {},
    status: { state: 'queued', pctComplete: 0, step: 'fetch' },
    readyToStream: false,
    playable: false,
    source: { kind: 'url', url },
  };
}

/** One link per line as the engine reads a text list: http(s) links are new unless already queued, anything else invalid. */
function checkLinks(world: FakeWorld, content: string, limit: number, problemsFirst: boolean): LinkCheck {
  const queued = new Map(world.videos.map((v) => [v.source.url, v.uid]));
  const rows = content
    .split('\n')
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter(({ text }) => text !== '')
    .map(({ text, line }): LinkCheckRow => {
      if (!/^https?:\/\/\S+$/.test(text))
        return { line, input: text, status: 'invalid', reason: 'a line holds one link: put each link on its own line' };
      const uid = queued.get(text);
      return uid
        ? { line, input: text, url: text, status: 'duplicate', duplicateOf: uid }
        : { line, input: text, url: text, status: 'new' };
    });
  const counts = { new: 0, duplicate: 0, invalid: 0 };
  rows.forEach((row) => counts[row.status]++);
  const rank = (row: LinkCheckRow) => (problemsFirst && row.status !== 'new' ? 0 : 1);
  return { format: 'text', counts, rows: rows.sort((a, b) => rank(a) - rank(b) || a.line - b.line).slice(0, limit) };
}

export const fakeAnswers: Answers = {
  addLinks(world, { links }) {
    const queued = links.map((link) => linkVideo(link.url, link.meta?.name));
    world.videos = [...queued, ...world.videos];
    world.emit('videos', queued);
    world.emit('totals', fakeTotals(world.videos, world.queue));
    return { queued, duplicates: [], invalid: [] };
  },
  addFiles: (_world, { paths }) => ({
    queued: [],
    duplicates: [],
    invalid: paths.map((input) => ({ input, reason: 'the fake transport has no files' })),
  }),
  importList: () => ({ queued: 0, uids: [], duplicates: [], invalid: [] }),
  checkLinks: (world, { content, limit = 100, problemsFirst = false }) =>
    checkLinks(world, content, limit, problemsFirst),
  pause: (world, input) => transition(world, input, ['queued', 'downloading', 'inprogress'], 'paused'),
  resume: (world, input) => transition(world, input, ['paused'], 'queued'),
  cancel: (world, input) => transition(world, input, ['queued', 'downloading', 'inprogress', 'paused'], 'canceled'),
  retry: (world, input) => transition(world, input, ['error', 'canceled'], 'queued'),
  remove(world, input) {
    const gone = selected(world, input).map((v) => v.uid);
    world.videos = world.videos.filter((v) => !gone.includes(v.uid));
    world.emit('removed', gone);
    world.emit('totals', fakeTotals(world.videos, world.queue));
    return { removed: gone.length };
  },
  moveToTop(world, { uid }) {
    const video = find(world, uid);
    world.videos = [video, ...world.videos.filter((v) => v !== video)];
    return video;
  },
  move(world, input) {
    const video = find(world, input.uid);
    const rest = world.videos.filter((v) => v !== video);
    const at = fakeMoveIndex(rest, world.videos.indexOf(video), input);
    world.videos = [...rest.slice(0, at), video, ...rest.slice(at)];
    return video;
  },
  deliver: fakeDeliver,
  shareLinks: fakeShareLinks,
  pauseQueue: (world) => setQueue(world, { paused: true }),
  resumeQueue: (world) => setQueue(world, { paused: false, stopAfterCurrent: false }),
  stopAfterCurrent: (world) => setQueue(world, { stopAfterCurrent: true }),
  list(world, { state, search, offset = 0, limit = 1000, asc, sort }) {
    const text = search?.toLowerCase();
    const matches = world.videos.filter(
      (v) =>
        (!state || v.status.state === state) &&
        (!text || [v.meta.name, v.source.url, v.source.path].some((s) => s?.toLowerCase().includes(text))),
    );
    const ordered = fakeListOrder(matches, sort, asc);
    return { videos: ordered.slice(offset, offset + limit), total: matches.length };
  },
  get: (world, { uid }) => find(world, uid),
  edit: fakeEdit,
  clip(world, { uid, start, end }) {
    const parent = find(world, uid);
    const offset = parent.trim?.start ?? 0;
    const clip: Video = {
      ...linkVideo(parent.source.url ?? `file://${parent.source.path ?? uid}`, parent.meta.name),
      clippedFrom: uid,
      trim: { start: offset + start, end: offset + end },
    };
    world.videos = [clip, ...world.videos];
    world.emit('videos', [clip]);
    return clip;
  },
  getMany: (world, { uids }) => world.videos.filter((v) => uids.includes(v.uid)),
  history: (world, { uid }) => [{ at: find(world, uid).created, type: 'transition', data: { to: 'queued' } }],
  // The Video object does not carry its fingerprint: a fake video gives it as meta.fingerprint.
  findByFingerprint: (world, { fingerprints }) =>
    fingerprints.flatMap((fingerprint) => {
      const video = world.videos.find((v) => v.meta.fingerprint === fingerprint);
      return video ? [{ fingerprint, uid: video.uid, name: video.meta.name ?? '', state: video.status.state }] : [];
    }),
  totals: (world) => fakeTotals(world.videos, world.queue),
  getSettings: (world) => world.settings,
  setSettings: (world, patch) => (world.settings = { ...world.settings, ...patch }),
  libraryStatus: (world) => ({ library: world.settings.library, freeBytes: fakeFreeBytes, move: null }),
  // The fake's move is over at once: a screen's progress is tested by holding the answer.
  moveLibrary(world, { to }) {
    if (!to.startsWith('/'))
      throw new FerryError('INVALID_INPUT', `Cannot move the library: ${to} is not an absolute path.`);
    world.settings = { ...world.settings, library: to };
    world.emit('settings', world.settings);
    return { library: to, freeBytes: fakeFreeBytes, move: null };
  },
  listTargets: (world) => world.targets,
  saveTarget(world, input) {
    const known = input.id === undefined ? undefined : world.targets.find((t) => t.id === input.id);
    if (input.id !== undefined && !known) throw new FerryError('NOT_FOUND', `No delivery target with id ${input.id}.`);
    const endpoint = input.endpoint ?? providerFacts[input.provider].defaultEndpoint;
    if (!endpoint)
      throw new FerryError('INVALID_INPUT', 'Needs an endpoint.', [{ path: 'endpoint', message: 'is required' }]);
    const target: DeliveryTarget = {
      id: input.id ?? `target-${world.targets.length + 1}`,
      name: input.name,
      provider: input.provider,
      mode: input.mode,
      endpoint,
      account: input.account ?? null,
      library: input.library ?? null,
      index: input.index ?? null,
      send: input.send ?? 'mp4',
      readyWhen: input.readyWhen ?? 'complete',
      // As the engine: an empty credential removes the stored one, none keeps it.
      hasCredential: input.credential === undefined ? (known?.hasCredential ?? false) : input.credential !== '',
    };
    world.targets = known ? world.targets.map((t) => (t === known ? target : t)) : [...world.targets, target];
    return target;
  },
  removeTarget(world, { id }) {
    const before = world.targets.length;
    world.targets = world.targets.filter((t) => t.id !== id);
    return { removed: world.targets.length < before };
  },
  testTarget(world, { id }) {
    const target = world.targets.find((t) => t.id === id);
    if (!target) throw new FerryError('NOT_FOUND', `No delivery target with id ${id}.`);
    const label = providerFacts[target.provider].label;
    return target.hasCredential || target.provider === 'tus'
      ? { ok: true, message: `${label} answered at ${target.endpoint} and took the credential.` }
      : { ok: false, message: `No credential is stored for ${target.name}: edit the target and give one.` };
  },
  verifyWebhook: () => ({ valid: false, reason: 'the fake transport verifies nothing' }),
  restartEngine: (world) => (world.engine.state === 'stopped' ? startAgain(world) : world.engine),
};

/** As the engine's starter does when it gave up: says it is restarting, then running with no crash counted. */
function startAgain(world: FakeWorld): EngineStatus {
  world.emit('engine', { state: 'restarting', crashes: 0 });
  world.emit('engine', runningEngine);
  return world.engine;
}

export interface FakeTransport {
  api: FerryApi;
  calls: FakeCall[];
  emit<E extends keyof FerryEvents>(event: E, payload: FerryEvents[E]): void;
  /** The videos as the fake engine has them now. */
  videos(): readonly Video[];
  /** Changes the fake engine's videos and tells no one, as when its process restarted and recovered its work. */
  setVideos(videos: readonly Video[]): void;
  listenerCount(): number;
}

/** Videos newest first, as the engine lists them by default; the delivery targets the engine has. */
export function createFakeTransport(
  videos: readonly Video[] = [],
  targets: readonly DeliveryTarget[] = [],
): FakeTransport {
  const listeners = new Map<keyof FerryEvents, Set<(payload: never) => void>>();
  const calls: FakeCall[] = [];
  const emit: FakeTransport['emit'] = (event, payload) => {
    if (event === 'engine') world.engine = payload as EngineStatus;
    listeners.get(event)?.forEach((listener) => (listener as (p: typeof payload) => void)(payload));
  };
  const world: FakeWorld = {
    videos: [...videos],
    queue: { paused: false, stopAfterCurrent: false, lowDiskSpace: false },
    settings: fakeSettings,
    targets: structuredClone([...targets]),
    engine: runningEngine,
    emit,
  };
  const commands = Object.fromEntries(
    commandNames.map((name) => {
      const answer = fakeAnswers[name] as ((world: FakeWorld, input: unknown) => unknown) | undefined;
      return [
        name,
        async (input: unknown) => {
          calls.push({ name, input });
          if (!answer) throw new FerryError('UNKNOWN_COMMAND', `The fake transport has no answer for ${name}.`);
          // A copy, as a real transport's answer is: the screen cannot change the fake's state by mutating it.
          return structuredClone(answer(world, input));
        },
      ];
    }),
  );
  const api: FerryApi = {
    ...(commands as FerryCommands),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
  };
  return {
    api,
    calls,
    emit,
    videos: () => world.videos,
    setVideos: (changed) => void (world.videos = [...changed]),
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}
