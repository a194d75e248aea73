/**
 * What the engine says about a text (checkLinks), asked again as the text changes: a short pause
 * after typing, and answers to an older text are dropped. `checking` is true until the answer for
 * the current text is in.
 */
import { useEffect, useState } from 'react';
import type { FerryApi } from '../../../../shared/api';
import type { LinkCheck, ListFormat } from '../../../../shared/link-check';

interface Checked {
  content: string;
  check: LinkCheck | null;
  error: string | null;
}

const typingPauseMs = 200;

export function useLinkCheck(
  api: Pick<FerryApi, 'checkLinks'>,
  content: string,
  options: { format?: ListFormat; limit: number; problemsFirst?: boolean },
): { check: LinkCheck | null; error: string | null; checking: boolean } {
  const [checked, setChecked] = useState<Checked | null>(null);
  const { format, limit, problemsFirst } = options;

  useEffect(() => {
    if (content.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .checkLinks({ content, limit, ...(format ? { format } : {}), ...(problemsFirst ? { problemsFirst } : {}) })
        .then(
          (check) => current && setChecked({ content, check, error: null }),
          (error: unknown) =>
            current &&
            setChecked({ content, check: null, error: error instanceof Error ? error.message : String(error) }),
        );
    }, typingPauseMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, content, format, limit, problemsFirst]);

  if (content.trim() === '') return { check: null, error: null, checking: false };
  const fresh = checked?.content === content;
  return { check: fresh ? checked.check : null, error: fresh ? checked.error : null, checking: !fresh };
}
