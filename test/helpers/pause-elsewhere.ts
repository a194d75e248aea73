/**
 * `pause-elsewhere.ts <dataDir> <uid>`: pauses one video from a process of its own, as `ferry
 * pause <uid>` in another terminal would while a `ferry run` works the queue. Prints how many
 * videos it changed.
 */
import { createEngine } from '../../electron/engine/create-engine';

const [dataDir, uid] = process.argv.slice(2);
if (!dataDir || !uid) throw new Error('usage: pause-elsewhere.ts <dataDir> <uid>');
const engine = createEngine({ dataDir });
try {
  const { changed } = await engine.pause({ uids: [uid] });
  console.log(changed);
} finally {
  engine.close();
}
