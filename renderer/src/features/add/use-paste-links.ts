/**
 * Paste anywhere to add: text with links pasted outside a text field (Ctrl/Cmd+V on the page)
 * opens the confirm sheet with it. A paste into a field, or inside a dialog, is theirs.
 */
import { useEffect, useRef } from 'react';
import { linksInText } from './links-in-text';

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target.closest('[role="dialog"]') !== null);

export function usePasteLinks(onLinks: (text: string) => void): void {
  const handler = useRef(onLinks);
  useEffect(() => {
    handler.current = onLinks;
  }, [onLinks]);

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (linksInText(text).length === 0) return;
      event.preventDefault();
      handler.current(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}
