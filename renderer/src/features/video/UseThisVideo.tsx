/**
 * "Use this video": what to take away from a ready video. Its folder (where the platform opens
 * folders), the paths of its MP4, HLS, DASH and thumbnail (in the app), and, when a server serves
 * the media (`ferry serve`, the app's own server), their URLs, the MP4 to download and two embed
 * snippets, signed when the video requires signed URLs (the contract's `shareLinks`).
 */
import type { MediaLinks, ShareLinks } from '../../../../shared/share-links';
import type { Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';
import { useCopy } from '../../app/use-copy';
import { localTime } from './history-text';
import { useShareLinks } from './use-share-links';
import './use-this-video.css';

const kinds: { key: keyof MediaLinks; label: string }[] = [
  { key: 'mp4', label: 'MP4' },
  { key: 'hls', label: 'HLS' },
  { key: 'dash', label: 'DASH' },
  { key: 'thumbnail', label: 'Thumbnail' },
];

function CopyRow({ label, value, what }: { label: string; value: string; what: string }) {
  const copy = useCopy();
  return (
    <div className="share-row">
      <dt>{label}</dt>
      <dd>
        <code>{value}</code>
      </dd>
      <dd className="share-copy">
        <button
          type="button"
          aria-label={`Copy the ${what}`}
          onClick={() => copy(value, `The ${what} is on the clipboard.`)}
        >
          Copy
        </button>
      </dd>
    </div>
  );
}

function Links({ links, noun }: { links: MediaLinks; noun: 'path' | 'URL' }) {
  return (
    <dl className="share-list">
      {kinds.flatMap(({ key, label }) => {
        const value = links[key];
        return value ? [<CopyRow key={key} label={label} value={value} what={`${label} ${noun}`} />] : [];
      })}
    </dl>
  );
}

function Embed({ embed }: { embed: NonNullable<ShareLinks['embed']> }) {
  const snippets = [
    { value: embed.video, label: 'A <video> of the MP4', what: 'video tag' },
    { value: embed.hlsjs, label: 'HLS with hls.js (adaptive)', what: 'hls.js embed code' },
  ];
  return (
    <dl className="share-list share-embed">
      {snippets.flatMap(({ value, label, what }) =>
        value ? [<CopyRow key={what} label={label} value={value} what={what} />] : [],
      )}
    </dl>
  );
}

function Shared({ links, video }: { links: ShareLinks; video: Video }) {
  const { platform, report } = useApp();
  return (
    <>
      {platform.canOpenFolder && (
        <p>
          <button type="button" onClick={() => platform.openFolder(video.uid).catch(report)}>
            Show the outputs in their folder
          </button>
        </p>
      )}
      {links.files && (
        <>
          <h4>Files on this computer</h4>
          <Links links={links.files} noun="path" />
        </>
      )}
      {links.urls ? (
        <>
          <h4>Links</h4>
          {links.expiresAt && (
            <p className="muted">
              The video requires signed URLs: these links carry a token and stop working at {localTime(links.expiresAt)}
              .
            </p>
          )}
          <Links links={links.urls} noun="URL" />
          {links.urls.mp4 && (
            <p>
              <a href={links.urls.mp4} download>
                Download the MP4
              </a>
            </p>
          )}
          {links.embed && (
            <>
              <h4>Embed in a page</h4>
              <Embed embed={links.embed} />
            </>
          )}
        </>
      ) : (
        links.why && <p className="muted">{links.why}</p>
      )}
    </>
  );
}

export function UseThisVideo({ video }: { video: Video }) {
  const state = useShareLinks(video);
  return (
    <section className="video-section use-this-video" aria-labelledby="use-this-video-heading">
      <h3 id="use-this-video-heading">Use this video</h3>
      {state.status === 'loading' && <p className="muted">Finding the outputs…</p>}
      {state.status === 'failed' && (
        <p role="alert" className="page-problem">
          The outputs could not be listed: {state.error}
        </p>
      )}
      {state.status === 'ready' && <Shared links={state.links} video={video} />}
    </section>
  );
}
