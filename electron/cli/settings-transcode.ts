/**
 * The transcode.* keys of `ferry settings`: per-title or fixed bitrates, the speed/quality preset
 * (shown with its x264 preset and RF, as HandBrake names them) and the ladder's codec. Pure; the
 * contract's schema names the allowed words when it refuses another.
 */
import type { Settings } from '../../shared/api';
import { presetTitle, qualityPresets, type QualityPreset } from '../../shared/transcode-presets';
import type { SettingKey } from './setting-key';

type Choice = Settings['transcode'];

function choiceKey<K extends keyof Choice>(name: K, summary: string, show: (value: Choice[K]) => string): SettingKey {
  return {
    summary,
    read: (settings) => settings.transcode[name],
    show: (value) => show(value as Choice[K]),
    patch: (text, current) => ({
      transcode: { ...current.transcode, [name]: text.trim().toLowerCase() as Choice[K] },
    }),
  };
}

export const transcodeKeys: Readonly<Record<string, SettingKey>> = {
  'transcode.ladder': choiceKey(
    'ladder',
    'bitrates: per-title (a short analysis caps each rung for the video) or fixed (the same for every video)',
    String,
  ),
  'transcode.preset': choiceKey(
    'preset',
    `speed against size at the same quality: ${qualityPresets.map(presetTitle).join(', ')}`,
    (value: QualityPreset) => `${value} (${presetTitle(value)})`,
  ),
  'transcode.codec': choiceKey(
    'codec',
    "the ladder's codec: h264, hevc or av1 (HEVC and AV1 keep an H.264 rendition for players without them)",
    String,
  ),
};
