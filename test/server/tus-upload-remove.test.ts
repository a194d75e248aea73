/**
 * A video made from a TUS upload to a real `ferry serve` (startServer) takes its file under
 * `uploads/` (with the upload's .json and .video) when it is removed, whichever door removes it:
 * the API's DELETE, the socket's `remove`, or `ferry remove` from another process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry } from '../cli/ferry-process';
import { noisyMp4 } from '../helpers/media-fixtures';
import { tempDir } from '../helpers/temp-dir';
import { serve, type Api } from './stream-fixture';
import { createUpload, streamEndpoint, upload } from './tus-client';
import { signedInSocket } from './ws-client';

const doors: Record<string, (api: Api, mediaId: string, uid: string) => Promise<void>> = {
  "the API's DELETE": async (api, mediaId) => {
    const deleted = await fetch(`${streamEndpoint(api.server.baseUrl)}/${mediaId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${api.server.token}` },
    });
    expect(deleted.status).toBe(200);
  },
  "the socket's remove": async (api, _mediaId, uid) => {
    const socket = await signedInSocket(api.server.baseUrl, api.server.token);
    try {
      expect(await socket.call('remove', { uids: [uid] })).toMatchObject({ ok: true, value: { removed: 1 } });
    } finally {
      await socket.close();
    }
  },
  'ferry remove': async (api, _mediaId, uid) => {
    const removed = await ferry(['remove', uid, '--data-dir', api.dataDir]);
    expect(removed.code, removed.stderr).toBe(0);
  },
};

/** A file uploaded by TUS and queued: where uploads lie, its upload's id and its video's uid. */
async function uploaded(api: Api) {
  const file = await noisyMp4(tempDir(), 1);
  const created = await createUpload(api.server.baseUrl, api.server.token, {
    'Upload-Length': String(fs.statSync(file).size),
  });
  await upload(file, {
    uploadUrl: created.headers.get('location')!,
    headers: { Authorization: `Bearer ${api.server.token}` },
  }).done;
  const mediaId = created.headers.get('stream-media-id')!;
  const uploads = path.join(api.dataDir, 'uploads');
  const uid = fs.readFileSync(path.join(uploads, `${mediaId}.video`), 'utf8');
  return { uploads, mediaId, uid };
}

describe('an uploaded video, removed', () => {
  it.each(Object.keys(doors))(
    'leaves nothing under uploads/ when %s removes it',
    async (door) => {
      const api = await serve();
      const { uploads, mediaId, uid } = await uploaded(api);
      expect(fs.readdirSync(uploads).sort()).toEqual([mediaId, `${mediaId}.json`, `${mediaId}.video`]);

      await doors[door]!(api, mediaId, uid);
      expect(fs.readdirSync(uploads)).toEqual([]);
    },
    60_000,
  );

  it('keeps the file while another video still reads it', async () => {
    const api = await serve();
    const { uploads, mediaId, uid } = await uploaded(api);
    // The local user queues the same file again (the first canceled, so it is no duplicate).
    const { engine } = api.server;
    await engine.cancel({ uids: [uid] });
    const again = await engine.addFiles({ paths: [path.join(uploads, mediaId)] });
    const second = again.queued[0]!.uid;
    await engine.remove({ uids: [uid] });
    expect(fs.existsSync(path.join(uploads, mediaId))).toBe(true);
    await engine.remove({ uids: [second] });
    expect(fs.readdirSync(uploads)).toEqual([]);
  }, 60_000);
});
