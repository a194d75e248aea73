/**
 * `control-elsewhere.ts <dataDir> <pause|resume> <uid>`: pauses or resumes one video from a
 * process of its own, as `ferry pause <uid>` in another terminal would while a `ferry run` works
 * the queue. Prints how many videos it changed.
 */
import { createEngine } from '../../electron/engine/create-engine';

const [dataDir, command, uid] = process.argv.slice(2);
if (!dataDir || (command !== 'pause' && command !== 'resume') || !uid) {
  throw new Error('usage: control-elsewhere.ts <dataDir> <pause|resume> <uid>');
}
const engine = createEngine({ dataDir });
try {
  const { changed } = await engine[command]({ uids: [uid] });
  console.log(changed);
} finally {
  engine.close();
}
