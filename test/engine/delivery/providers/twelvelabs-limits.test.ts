/**
 * Twelve Labs' input limits (twelvelabs-limits.ts): size, resolution, the seven aspect ratios, and
 * the duration of the index's models (Pegasus 60 min, Marengo 4 h, the stricter when both or
 * unknown); and the adapter reading the index's models from the service (the double) to decide.
 */
import { describe, expect, it } from 'vitest';
import { durationLimit, twelvelabsRefusal } from '../../../../electron/engine/delivery/providers/twelvelabs-limits';
import { twelvelabsAdapter } from '../../../../electron/engine/delivery/providers/twelvelabs';
import type { DeliveryTarget } from '../../../../shared/delivery-targets';
import { closeAfterEach, closers } from '../../../helpers/delivery-engine';
import { startTwelveLabsDouble } from '../../../helpers/services/twelvelabs-double';

closeAfterEach();

const fine = { size: 50 * 1024 ** 2, width: 1920, height: 1080, duration: 60 };
const marengo = ['marengo3.0'];
const both = ['marengo3.0', 'pegasus1.2'];
const refuses = (media: Partial<typeof fine>, models: string[] | null = marengo) =>
  twelvelabsRefusal({ ...fine, ...media }, models);

describe('Twelve Labs limits', () => {
  it('takes what fits, portrait 4K, SD 4:3, 854x480 and an unknown duration included', () => {
    expect(refuses({})).toBeNull();
    expect(refuses({ width: 2160, height: 3840 })).toBeNull();
    expect(refuses({ width: 360, height: 360, duration: 4 })).toBeNull();
    expect(refuses({ width: 640, height: 480 })).toBeNull();
    expect(refuses({ width: 854, height: 480 })).toBeNull();
    expect(refuses({ width: 1080, height: 1350 })).toBeNull();
    expect(refuses({ width: 3840, height: 2032 })).toBeNull();
    expect(refuses({ duration: -1 }, null)).toBeNull();
    expect(refuses({ duration: 7200, size: 2 * 1024 ** 3 })).toBeNull();
  });

  it('refuses over 2 GB, saying to send the MP4', () => {
    expect(refuses({ size: 2 * 1024 ** 3 + 1 })).toMatch(/over Twelve Labs' 2 GB limit.*send the MP4 instead/);
  });

  it('refuses a picture under 360 on its smaller side, or over 3840x2160', () => {
    expect(refuses({ width: 640, height: 352 })).toMatch(/640x352, under Twelve Labs' minimum of 360x360/);
    expect(refuses({ width: 4096, height: 2304 })).toMatch(/4096x2304, over Twelve Labs' maximum of 3840x2160/);
    expect(refuses({ width: 2880, height: 2880 })).toMatch(/over Twelve Labs' maximum/);
  });

  it('refuses an aspect ratio outside 1:1, 4:3, 4:5, 5:4, 16:9, 9:16, 17:9, naming them', () => {
    expect(refuses({ width: 1920, height: 804 })).toBe(
      'The video is 1920x804, an aspect ratio Twelve Labs does not take (only 1:1, 4:3, 4:5, 5:4, 16:9, 9:16, 17:9): ' +
        'crop or pad it to one of them.',
    );
    expect(refuses({ width: 720, height: 480 })).toMatch(/720x480, an aspect ratio Twelve Labs does not take/);
  });

  it('refuses under 4 seconds', () => {
    expect(refuses({ duration: 2 })).toBe(
      "The video lasts 2.0 s, under Twelve Labs' minimum of 4 seconds: send a longer video.",
    );
  });

  it('takes up to 4 hours on a Marengo-only index, up to 60 minutes with Pegasus or when the models are unknown', () => {
    expect(refuses({ duration: 3 * 3600 }, marengo)).toBeNull();
    expect(refuses({ duration: 4 * 3600 + 1 }, marengo)).toMatch(/over the 4 hours Marengo takes on Twelve Labs/);
    expect(refuses({ duration: 3601 }, both)).toMatch(/60\.0 min, over the 60 minutes Pegasus takes on Twelve Labs/);
    expect(refuses({ duration: 3601 }, null)).toMatch(/over the 60 minutes Pegasus \(the index was not read\)/);
    expect(refuses({ duration: 3600 }, both)).toBeNull();
    expect(durationLimit(['Marengo2.7'])).toEqual({ seconds: 4 * 3600, model: 'Marengo' });
    expect(refuses({}, ['pegasus1.2'])).toMatch(/only Pegasus 1\.2, which Twelve Labs no longer takes new videos into/);
  });
});

describe('Twelve Labs adapter: the limits follow the index read from the service', () => {
  function call(endpoint: string) {
    const target: DeliveryTarget = {
      ...{ id: 't1', name: 'idx', provider: 'twelvelabs', mode: 'push', endpoint },
      ...{ account: null, library: null, index: 'idx', send: 'mp4', readyWhen: 'complete', hasCredential: true },
    };
    return { target, credential: 'key', signal: new AbortController().signal };
  }

  it('a 2-hour video fits a Marengo index and not one with Pegasus', async () => {
    const long = { ...fine, duration: 2 * 3600 };
    const marengoIndex = await startTwelveLabsDouble({ models: marengo });
    closers.push(marengoIndex.close);
    await expect(twelvelabsAdapter.refuses!(long, call(marengoIndex.origin))).resolves.toBeNull();
    const pegasusIndex = await startTwelveLabsDouble({ models: both });
    closers.push(pegasusIndex.close);
    await expect(twelvelabsAdapter.refuses!(long, call(pegasusIndex.origin))).resolves.toMatch(/60 minutes Pegasus/);
    expect(pegasusIndex.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1.3/indexes/idx']);
  });
});
