/**
 * The links in pasted text: one per word or line, http(s) and s3 only, each once, in order.
 * Whether each is usable (a share link, a private host) is the engine's call, through addLinks.
 */
const linkShape = /^(https?|s3):\/\/\S+$/i;

/** A paste of a whole spreadsheet column stays one addLinks call; beyond this the list import is the way. */
export const maxPastedLinks = 1000;

export function linksInText(text: string): string[] {
  const words = text.split(/[\s,;"'<>]+/).filter((word) => linkShape.test(word));
  return [...new Set(words)].slice(0, maxPastedLinks);
}
