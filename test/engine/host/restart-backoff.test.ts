import { describe, expect, it } from 'vitest';
import { crashLogLine, crashReason } from '../../../electron/engine/host/describe-crash';
import { nextStart } from '../../../electron/engine/host/restart-backoff';

describe('restarting a dead engine', () => {
  const at = 1_000_000;
  it.each([
    { crashes: [at], wait: { waitMs: 0 } },
    { crashes: [at - 10_000, at], wait: { waitMs: 1_000 } },
    { crashes: [at - 20_000, at - 10_000, at], wait: 'give-up' },
    // Deaths more than a minute apart are separate troubles: each restarts at once.
    { crashes: [at - 130_000, at - 65_000, at], wait: { waitMs: 0 } },
    { crashes: [at - 61_000, at - 30_000, at], wait: { waitMs: 1_000 } },
  ])('after deaths at $crashes: $wait', ({ crashes, wait }) => {
    expect(nextStart(crashes, at)).toEqual(wait);
  });

  it('names the cause a user can act on, and logs it with what the process last said', () => {
    expect(crashReason({ code: null, signal: 'SIGKILL' }, undefined)).toBe('killed by SIGKILL');
    expect(crashReason({ code: 70, signal: null }, 'disk I/O error')).toBe('an uncaught error: disk I/O error');
    expect(crashReason({ code: 3221225477, signal: null }, undefined)).toBe('it exited with code 3221225477');
    expect(crashLogLine(new Date(0), 42, 'killed by SIGKILL', 'line one\nline two')).toBe(
      '1970-01-01T00:00:00.000Z engine process 42 stopped: killed by SIGKILL\n  line one\n  line two',
    );
  });
});
