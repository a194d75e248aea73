/**
 * A caller of `ferry serve` may not name files of the machine it runs on: over the real socket of
 * a real server, `importList` of a path (the server's own signing key), `addFiles` of a file and a
 * watermark image are refused with FORBIDDEN and the fix, nothing is read or queued; the same
 * list sent as content is queued. The table is complete: every command is in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandNames } from '../../shared/api';
import { hostLocalFields, hostLocalFieldsIn } from '../../shared/host-local-fields';
import { serve } from './stream-fixture';
import { signedInSocket, type TestSocket } from './ws-client';

let client: TestSocket | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

const watermark = { image: '/etc/hostname', position: 'lowerRight', opacity: 1, scale: 0.1, padding: 0.05 };

describe('commands that name files of the host, over the socket', () => {
  it('refuses each with FORBIDDEN naming the field and the fix, and reads or queues nothing', async () => {
    const api = await serve();
    const key = path.join(api.dataDir, 'serve-signing.key');
    const secret = fs.readFileSync(key, 'utf8').trim();
    const video = path.join(api.dataDir, 'clip.mp4');
    fs.writeFileSync(video, 'a file of the host');
    client = await signedInSocket(api.server.baseUrl, api.server.token);

    const list = await client.call('importList', { path: key });
    expect(list).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(list)).not.toContain(secret);
    if (!list.ok) expect(list.error.message).toMatch(/importList\.path .*"content"/);

    const files = await client.call('addFiles', { paths: [video, api.dataDir] });
    expect(files).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!files.ok) expect(files.error.message).toMatch(/addFiles\.paths .*TUS/);

    const marked = await client.call('addLinks', {
      links: [{ url: 'https://cdn.example.test/a.mp4' }],
      options: { watermark },
    });
    expect(marked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!marked.ok) expect(marked.error.message).toContain('addLinks.options.watermark.image');

    expect(await client.call('list', {})).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('queues a list sent as its content', async () => {
    const api = await serve();
    client = await signedInSocket(api.server.baseUrl, api.server.token);
    const content = 'https://cdn.example.test/one.mp4\nhttps://cdn.example.test/two.mp4\n';
    expect(await client.call('importList', { content })).toMatchObject({ ok: true, value: { queued: 2 } });
  });
});

describe('the table of host-local fields', () => {
  it('lists every command of the contract', () => {
    expect(Object.keys(hostLocalFields).sort()).toEqual([...commandNames].sort());
  });

  it('finds the fields an input carries, and none in an input without them or for a name that is no command', () => {
    expect(hostLocalFieldsIn('importList', { path: '/x', options: { watermark } }).map((f) => f.field)).toEqual([
      'importList.path',
      'importList.options.watermark.image',
    ]);
    expect(hostLocalFieldsIn('importList', { content: '/x' })).toEqual([]);
    expect(hostLocalFieldsIn('addFiles', { paths: 'not even a list' }).map((f) => f.field)).toEqual(['addFiles.paths']);
    expect(hostLocalFieldsIn('get', { uid: '/etc/passwd' })).toEqual([]);
    for (const name of ['__proto__', 'toString', 'frobnicate'])
      expect(hostLocalFieldsIn(name, { path: '/x' })).toEqual([]);
    expect(hostLocalFieldsIn('addLinks', null)).toEqual([]);
  });
});
