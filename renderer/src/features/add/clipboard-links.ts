/**
 * What the clipboard watcher offers: the links in the clipboard's text that it has not offered
 * before (so the same copy is offered once, not at every focus). Pure.
 */
import { linksInText } from './links-in-text';

export function linksToOffer(text: string, offered: ReadonlySet<string>): string[] {
  return linksInText(text).filter((link) => !offered.has(link));
}
