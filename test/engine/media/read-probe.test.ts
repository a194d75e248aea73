import { describe, expect, it } from 'vitest';
import { readProbe, type FfprobeOutput } from '../../../electron/engine/media/read-probe';

const mp4 = 'mov,mp4,m4a,3gp,3g2,mj2';
const videoStream = {
  codec_type: 'video',
  codec_name: 'h264',
  width: 1920,
  height: 1080,
  avg_frame_rate: '30/1',
  r_frame_rate: '30/1',
  sample_aspect_ratio: '1:1',
};
const audioStream = { codec_type: 'audio', codec_name: 'aac' };
const probe = (streams: object[], format: object = {}): FfprobeOutput => ({
  streams,
  format: { format_name: mp4, duration: '12.5', size: '1000', ...format },
});

describe('reading a probe', () => {
  it('describes a normal video', () => {
    expect(readProbe(probe([videoStream, audioStream]))).toEqual({
      ok: true,
      info: {
        formatName: mp4,
        duration: 12.5,
        size: 1000,
        width: 1920,
        height: 1080,
        rotation: 0,
        frameRate: '30/1',
        fps: 30,
        variableFrameRate: false,
        videoCodec: 'h264',
        audioCodec: 'aac',
        video: { profile: '', level: -1, pixelFormat: '', bitRate: -1, sampleAspectRatio: '1:1', fieldOrder: '' },
        audio: { profile: '', channels: -1, sampleRate: -1 },
      },
    });
  });

  it('reads what decides a passthrough: profile, level, pixels, bitrate, sound', () => {
    const h264 = { ...videoStream, profile: 'High', level: 40, pix_fmt: 'yuv420p', field_order: 'progressive' };
    const aac = { ...audioStream, profile: 'LC', channels: 2, sample_rate: '48000', bit_rate: '128000' };
    const own = readProbe(probe([{ ...h264, bit_rate: '4000000' }, aac]));
    expect(own.ok && own.info.video).toEqual({
      profile: 'High',
      level: 40,
      pixelFormat: 'yuv420p',
      bitRate: 4_000_000,
      sampleAspectRatio: '1:1',
      fieldOrder: 'progressive',
    });
    expect(own.ok && own.info.audio).toEqual({ profile: 'LC', channels: 2, sampleRate: 48000 });
    // Matroska gives no stream rate: the file's less the sound's.
    const mkv = readProbe(probe([h264, aac], { bit_rate: '5128000' }));
    expect(mkv.ok && mkv.info.video?.bitRate).toBe(5_000_000);
  });

  it('applies rotation from the display matrix or the old rotate tag', () => {
    const rotated = readProbe(probe([{ ...videoStream, side_data_list: [{ rotation: -90 }] }]));
    expect(rotated.ok && rotated.info).toMatchObject({ width: 1080, height: 1920, rotation: 270 });
    const tagged = readProbe(probe([{ ...videoStream, tags: { rotate: '90' } }]));
    expect(tagged.ok && tagged.info).toMatchObject({ width: 1080, height: 1920, rotation: 90 });
    const upsideDown = readProbe(probe([{ ...videoStream, side_data_list: [{ rotation: 180 }] }]));
    expect(upsideDown.ok && upsideDown.info).toMatchObject({ width: 1920, height: 1080 });
  });

  it('applies a non-square pixel aspect ratio', () => {
    const anamorphic = readProbe(probe([{ ...videoStream, width: 720, height: 576, sample_aspect_ratio: '64:45' }]));
    expect(anamorphic.ok && anamorphic.info).toMatchObject({ width: 1024, height: 576 });
  });

  it('flags a variable frame rate', () => {
    const vfr = readProbe(probe([{ ...videoStream, avg_frame_rate: '1440/59', r_frame_rate: '30/1' }]));
    expect(vfr.ok && vfr.info).toMatchObject({ variableFrameRate: true });
  });

  it.each([
    ['audio only', probe([audioStream]), 'ERR_NON_VIDEO', /sound but no picture/],
    [
      'a still image',
      probe([{ ...videoStream, codec_name: 'mjpeg' }], { format_name: 'image2' }),
      'ERR_NON_VIDEO',
      /still image/,
    ],
    ['an HLS playlist', probe([videoStream], { format_name: 'hls' }), 'ERR_STREAMING_MANIFEST', /streaming playlist/],
    ['a 0.05 s clip', probe([videoStream], { duration: '0.05' }), 'ERR_DURATION_TOO_SHORT', /0\.050 s long/],
    ['no duration', probe([videoStream], { duration: 'N/A' }), 'ERR_MALFORMED_VIDEO', /duration/],
    ['nothing', probe([]), 'ERR_NON_VIDEO', /no video track/],
  ])('refuses %s', (_what, input, code, text) => {
    const verdict = readProbe(input);
    expect(verdict).toMatchObject({ ok: false, code });
    expect(!verdict.ok && verdict.text).toMatch(text);
  });

  it('enforces a maximum duration', () => {
    expect(readProbe(probe([videoStream]), { maxDurationSeconds: 10 })).toMatchObject({
      ok: false,
      code: 'ERR_DURATION_EXCEED_CONSTRAINT',
    });
    expect(readProbe(probe([videoStream]), { maxDurationSeconds: 20 }).ok).toBe(true);
  });

  it('ignores cover art when looking for the picture', () => {
    const coverOnly = probe([audioStream, { ...videoStream, codec_name: 'png', disposition: { attached_pic: 1 } }]);
    expect(readProbe(coverOnly)).toMatchObject({ ok: false, code: 'ERR_NON_VIDEO' });
  });
});
