/**
 * What bench/ui.ts runs inside the page, as scripts (the bench is compiled for Node, the page
 * is a browser): a window.ferry answering from memory as the preload would, with videos working
 * at the engine's event rate, and the measurements of first render and of a scroll.
 */

/** The engine batches `videos` events: at most about ten a second, each with the videos that changed. */
const eventEveryMs = 100;

/**
 * `count` videos, the first `working` of them downloading and reporting progress in every batch,
 * with the totals (speed, time left) after each batch, as the engine sends them.
 */
export function inMemoryFerry(count: number, working: number): string {
  return `
  (() => {
    const setupStart = performance.now();
    const listeners = { videos: [], removed: [], totals: [], engine: [], settings: [] };
    const base = { uploaded: null, readyToStream: false, readyToStreamAt: null, duration: -1, size: 50 * 1048576,
      input: { width: -1, height: -1 }, thumbnail: null, thumbnailTimestampPct: 0, playback: null, downloads: null,
      maxDurationSeconds: -1, maxSizeBytes: -1, scheduledDeletion: null, outputsDeletedAt: null, watermark: null,
      requireSignedURLs: false, allowedOrigins: [], creator: null, renditions: [], deliveries: [] };
    let clock = Date.parse('2026-11-21T10:00:00Z');
    const stamp = () => new Date(clock++).toISOString();
    const videos = Array.from({ length: ${count} }, (_, i) => ({ ...base, uid: i.toString(16).padStart(32, '0'),
      created: stamp(), modified: stamp(), meta: { name: 'video-' + i },
      status: i < ${working}
        ? { state: 'downloading', pctComplete: i % 100, step: 'fetch', bytesPerSecond: 1048576, etaSeconds: 60 }
        : { state: 'queued', pctComplete: 0, step: 'fetch' },
      source: { kind: 'url', url: 'https://media.example.test/video-' + i + '.mp4' } }));
    let speed = ${working} * 1048576;
    const totals = () => {
      const byState = { queued: 0, downloading: 0, inprogress: 0, ready: 0, error: 0, paused: 0, canceled: 0 };
      videos.forEach((v) => byState[v.status.state]++);
      return { byState, total: videos.length, bytesPerSecond: speed, etaSeconds: 3600,
        queue: { paused: false, stopAfterCurrent: false, lowDiskSpace: false },
        batch: { done: 0, total: videos.length, bytesDone: 0, bytesTotal: videos.length * base.size } };
    };
    const emit = (event, payload) => listeners[event].forEach((l) => l(payload));
    const ok = (value) => Promise.resolve({ ok: true, value: structuredClone(value) });
    window.ferry = {
      list: (q) => {
        const match = videos.filter((v) => !q.state || v.status.state === q.state);
        return ok({ videos: match.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 1000)), total: match.length });
      },
      totals: () => ok(totals()),
      on: (event, listener) => {
        listeners[event].push(listener);
        return () => listeners[event].splice(listeners[event].indexOf(listener), 1);
      },
    };
    setInterval(() => {
      const changed = videos.slice(0, ${working});
      changed.forEach((v, i) => {
        const bytesPerSecond = 1048576 + ((clock + i) % 7) * 65536;
        v.status = { ...v.status, pctComplete: (v.status.pctComplete + 0.37) % 100, bytesPerSecond,
          etaSeconds: Math.round(((100 - v.status.pctComplete) / 100) * v.size / bytesPerSecond) };
        v.modified = stamp();
      });
      speed = changed.reduce((n, v) => n + v.status.bytesPerSecond, 0);
      emit('videos', structuredClone(changed));
      emit('totals', totals());
    }, ${eventEveryMs});
    // Part of the first render's time, though in the app this work is the engine's, in another process.
    window.engineSetupMs = performance.now() - setupStart;
  })();
`;
}

/** Where a row's content is: a row with its name painted is a row the user can read. */
const rowSelector = '[role="listitem"] .video-name';

/**
 * Records, from navigation, when the first row with content was painted: its insertion is seen
 * by a MutationObserver, and a task queued from the next animation frame runs after that frame's
 * paint.
 */
export const firstRowProbe = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('${rowSelector}')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.firstRowMs = performance.now())));
  }).observe(document, { childList: true, subtree: true });
`;

export interface ScrollFigures {
  /** Time between animation frames while scrolling, one per step. */
  frameMs: number[];
  /** Durations of the long tasks (over 50 ms) seen while scrolling. */
  longTaskMs: number[];
  steps: number;
}

/**
 * Scrolls the list from top to bottom one viewport per animation frame, so every frame shows
 * rows it did not show before (the virtualised list's worst case), recording the frame deltas
 * and long tasks. A warm-up scroll (down 30 viewports and back) comes first and is not counted:
 * it loads the code paths and the first windows, as a user's first seconds would. `maxSteps`
 * stops it early (the peer, whose frames take a second each, is sampled over its first steps).
 */
export const scrollTopToBottom = (maxSteps: number) => `
  (async () => {
    const list = document.querySelector('[role="list"][aria-label="Videos"]');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < 30; i++) { list.scrollTop += list.clientHeight; await frame(); }
    list.scrollTop = 0;
    for (let i = 0; i < 30; i++) await frame();
    const longTaskMs = [];
    const observer = new PerformanceObserver((entries) => entries.getEntries().forEach((e) => longTaskMs.push(e.duration)));
    observer.observe({ type: 'longtask' });
    // Read once: reading the scroller's geometry in the loop would force a layout inside the frame's callback.
    const viewport = list.clientHeight;
    const end = list.scrollHeight - viewport;
    const steps = Math.min(${maxSteps}, Math.ceil(end / viewport));
    const frameMs = [];
    let last = await frame();
    for (let i = 0; i < steps; i++) {
      list.scrollTop = Math.min(end, (i + 1) * viewport);
      const now = await frame();
      frameMs.push(now - last);
      last = now;
    }
    // Long tasks are reported after they end: give the last ones time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    return { frameMs, longTaskMs, steps };
  })()
`;
