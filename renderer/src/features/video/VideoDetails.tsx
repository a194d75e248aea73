/**
 * What is known about the video: its length, picture, size, source and times, and its renditions
 * (its deliveries have a section of their own). The input's codecs are not in the Video object,
 * so only the renditions' are shown.
 */
import { formatSeconds } from '../../../../shared/trim';
import type { Video } from '../../../../shared/video';
import { localTime } from './history-text';
import { bitrate, bytes, duration, frameSize, sourceText, topRenditionText, when } from './video-facts';

function Renditions({ video }: { video: Video }) {
  if (video.renditions.length === 0)
    return <p className="muted">No renditions yet: they are made when the video is transcoded.</p>;
  return (
    <table className="video-table">
      <caption>Renditions</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Picture</th>
          <th scope="col">Bitrate</th>
          <th scope="col">Codecs</th>
        </tr>
      </thead>
      <tbody>
        {video.renditions.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td>{frameSize(r)}</td>
            <td>{bitrate(r.bandwidth)}</td>
            <td>
              <code>{r.codecs || '—'}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function VideoDetails({ video }: { video: Video }) {
  const facts: [string, string][] = [
    ['Duration', duration(video.duration)],
    ['Picture', frameSize(video.input)],
    ['Size', bytes(video.size)],
    [video.source.kind === 'url' ? 'Link' : 'File', sourceText(video)],
    ['Added', when(video.created, localTime)],
    ['Ready', when(video.readyToStreamAt, localTime)],
  ];
  const top = topRenditionText(video.topRendition);
  if (top) facts.push(['Top rendition', top]);
  if (video.trim)
    facts.push(['Trim', `${formatSeconds(video.trim.start)} – ${formatSeconds(video.trim.end)} of the original`]);
  if (video.clippedFrom) facts.push(['Clip of', video.clippedFrom]);
  return (
    <section className="video-section" aria-labelledby="video-details-heading">
      <h3 id="video-details-heading">Details</h3>
      <dl className="video-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Renditions video={video} />
    </section>
  );
}
