/**
 * The RFC 6381 codec string of an HEVC rendition (hvc1.1.6.L93.B0), read from the hvcC box of
 * its init segment. ffmpeg's dash muxer writes a bare "hvc1", which MediaSource.isTypeSupported
 * and Safari refuse, so a player would skip a rendition it can play. Pure.
 */

/** ISO/IEC 14496-15 annex E: profile, compatibility flags bit-reversed, tier and level, constraint bytes. */
export function hevcCodecString(initSegment: Uint8Array, tag = 'hvc1'): string | null {
  const at = Buffer.from(initSegment).indexOf('hvcC');
  if (at < 0 || at + 4 + 13 > initSegment.length) return null;
  const box = initSegment.subarray(at + 4);
  const byte = (i: number) => box[i] as number;
  const space = ['', 'A', 'B', 'C'][byte(1) >> 6] as string;
  const tier = (byte(1) >> 5) & 1 ? 'H' : 'L';
  const profile = byte(1) & 0x1f;
  let flags = ((byte(2) << 24) | (byte(3) << 16) | (byte(4) << 8) | byte(5)) >>> 0;
  let reversed = 0;
  for (let i = 0; i < 32; i++) {
    reversed = ((reversed << 1) | (flags & 1)) >>> 0;
    flags >>>= 1;
  }
  const constraints = [6, 7, 8, 9, 10, 11].map(byte);
  while (constraints.length > 0 && constraints.at(-1) === 0) constraints.pop();
  const parts = [tag, `${space}${profile}`, reversed.toString(16).toUpperCase(), `${tier}${byte(12)}`];
  parts.push(...constraints.map((c) => c.toString(16).toUpperCase()));
  return parts.join('.');
}

/** The master playlist and MPD with each bare "hvc1" replaced by its rendition's full string. */
export function completeHevcCodecs(
  texts: { master: string; mpd: string },
  codecs: ReadonlyMap<number, string>,
): { master: string; mpd: string } {
  const lines = texts.master.split('\n');
  const master = lines
    .map((line, i) => {
      const uri = /^media_(\d+)\.m3u8$/.exec(lines[i + 1]?.trim() ?? '');
      const full = uri && codecs.get(Number(uri[1]));
      return full && line.startsWith('#EXT-X-STREAM-INF:')
        ? line.replace(/CODECS="hvc1(?=[",])/, `CODECS="${full}`)
        : line;
    })
    .join('\n');
  const mpd = texts.mpd.replace(
    /(<Representation id="(\d+)"[^>]*?codecs=")hvc1"/g,
    (whole, head: string, id: string) => {
      const full = codecs.get(Number(id));
      return full ? `${head}${full}"` : whole;
    },
  );
  return { master, mpd };
}
