/**
 * The library's place, its volume's free space and a move of it: libraryStatus on arrival, then
 * again every half second while a move runs (this window's, or one another window or the CLI
 * started), so its step and bytes show as they go; moveLibrary answers once it is over.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryStatus } from '../../../../shared/api';
import { useApp } from '../../app/app-context';
import { fieldRefusal } from './save-failure';

const watchEveryMs = 500;

export interface LibraryMoveState {
  status: LibraryStatus | undefined;
  /** A move of this window's is under way. */
  moving: boolean;
  /** Why the last move was refused or failed: beside the field. */
  error: string | undefined;
  /** The folder the last move finished in, to say so. */
  movedTo: string | undefined;
  /** Answers whether the library moved. */
  move(to: string): Promise<boolean>;
}

export function useLibraryMove(): LibraryMoveState {
  const { api } = useApp();
  const [status, setStatus] = useState<LibraryStatus>();
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string>();
  const [movedTo, setMovedTo] = useState<string>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);

  // Looked at on arrival, and whenever a move starts or ends; every half second while one runs.
  const watching = moving || (status?.move ?? null) !== null;
  useEffect(() => {
    let live = true;
    const look = () =>
      api.libraryStatus().then(
        (next) => live && setStatus(next),
        (failure: unknown) => live && setError(fieldRefusal(failure, 'to')),
      );
    void look();
    const timer = watching ? setInterval(() => void look(), watchEveryMs) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, watching]);

  const move = useCallback(
    async (to: string) => {
      setMoving(true);
      setError(undefined);
      setMovedTo(undefined);
      try {
        const done = await api.moveLibrary({ to });
        if (mounted.current) {
          setStatus(done);
          setMovedTo(done.library);
        }
        return true;
      } catch (failure) {
        if (mounted.current) setError(fieldRefusal(failure, 'to'));
        return false;
      } finally {
        if (mounted.current) setMoving(false);
      }
    },
    [api],
  );

  return { status, moving, error, movedTo, move };
}
