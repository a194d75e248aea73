// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FerryError } from '../../../shared/ferry-error';
import { renderScreen } from './render-screen';

afterEach(cleanup);

const encoding = async () => within(await screen.findByRole('region', { name: 'Encoding' }));

describe('the encoding settings', () => {
  it("offers HandBrake's presets with their x264 preset and RF, and saves the preset, codec and bitrates chosen", async () => {
    const { patches } = renderScreen('#/settings');
    const section = await encoding();
    const presets = within(section.getByRole('radiogroup', { name: 'Speed and quality' }));
    expect(presets.getAllByRole('radio').map((r) => r.parentElement?.textContent?.trim())).toEqual([
      'Fast (x264 superfast, RF 23)',
      'Balanced (x264 veryfast, RF 22)',
      'Quality (x264 slow, RF 20)',
      'Very slow (x264 veryslow, RF 18)',
    ]);
    expect((presets.getByRole('radio', { name: /Balanced/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(presets.getByRole('radio', { name: /Quality/ }));
    await presets.findByRole('radio', { name: /Quality/, checked: true });
    fireEvent.click(section.getByRole('radio', { name: /HEVC/ }));
    await section.findByRole('radio', { name: /HEVC/, checked: true });
    fireEvent.click(section.getByRole('radio', { name: /Fixed/ }));
    await section.findByRole('radio', { name: /Fixed/, checked: true });
    expect(patches()).toEqual([
      { transcode: { ladder: 'per-title', preset: 'quality', codec: 'h264' } },
      { transcode: { ladder: 'per-title', preset: 'quality', codec: 'hevc' } },
      { transcode: { ladder: 'fixed', preset: 'quality', codec: 'hevc' } },
    ]);
  });

  it("shows the engine's refusal of a codec its ffmpeg cannot encode beside the codec, keeping H.264", async () => {
    const message = 'this ffmpeg (/usr/bin/ffmpeg) cannot encode av1: it has no libsvtav1';
    renderScreen('#/settings', {
      prepare: (fake) => {
        const save = fake.api.setSettings;
        fake.api.setSettings = async (patch) => {
          if (patch.transcode?.codec === 'av1')
            throw new FerryError('INVALID_INPUT', message, [{ path: 'transcode.codec', message }]);
          return save(patch);
        };
      },
    });
    const codecs = within((await encoding()).getByRole('radiogroup', { name: 'Codec' }));
    fireEvent.click(codecs.getByRole('radio', { name: /AV1/ }));
    expect(
      await codecs.findByText(
        /^This ffmpeg \(\/usr\/bin\/ffmpeg\) cannot encode av1: it has no libsvtav1\. Not saved\.$/,
      ),
    ).toBeTruthy();
    expect((codecs.getByRole('radio', { name: /H\.264/ }) as HTMLInputElement).checked).toBe(true);
  });
});
