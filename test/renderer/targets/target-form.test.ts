import { describe, expect, it } from 'vitest';
import { FerryError } from '../../../shared/ferry-error';
import {
  draftOf,
  draftProblems,
  emptyTargetDraft,
  targetFailure,
  targetInput,
  withProvider,
} from '../../../renderer/src/features/targets/target-form';
import { makeTarget } from './targets';

describe('the target form', () => {
  it('sends the draft trimmed, with only its service’s fields and no empty credential', () => {
    const draft = {
      ...emptyTargetDraft,
      name: ' Archive ',
      endpoint: ' https://tus.example.com/ ',
      account: 'left over from another service',
      credential: ' ',
    };
    expect(targetInput(draft)).toEqual({
      name: 'Archive',
      provider: 'tus',
      mode: 'push',
      endpoint: 'https://tus.example.com/',
      send: 'mp4',
    });
    expect(targetInput({ ...draft, credential: 'Bearer t' }).credential).toBe('Bearer t');
    const cloudflare = { ...withProvider(draft, 'cloudflare'), endpoint: '', account: ' abc ' };
    expect(targetInput(cloudflare)).toEqual({
      name: 'Archive',
      provider: 'cloudflare',
      mode: 'push',
      account: 'abc',
      send: 'mp4',
      readyWhen: 'complete',
    });
  });

  it("keeps a mode the new service has, and takes the service's own otherwise", () => {
    const pull = { ...withProvider(emptyTargetDraft, 'cloudflare'), mode: 'pull' as const };
    expect(withProvider(pull, 'bunny').mode).toBe('pull');
    expect(withProvider(pull, 'vimeo').mode).toBe('push');
    expect(withProvider(emptyTargetDraft, 'omega').mode).toBe('pull');
  });

  it('edits a saved target from what is stored, its default endpoint left as the placeholder', () => {
    const target = makeTarget('t1', 'Stream', {
      provider: 'cloudflare',
      endpoint: 'https://api.cloudflare.com',
      account: 'abc',
    });
    const draft = draftOf(target);
    expect(draft).toMatchObject({ id: 't1', endpoint: '', account: 'abc', credential: '' });
    expect(targetInput(draft)).toEqual({
      id: 't1',
      name: 'Stream',
      provider: 'cloudflare',
      mode: 'push',
      account: 'abc',
      send: 'mp4',
      readyWhen: 'complete',
    });
  });

  it('asks for a name, a TUS server’s address and the ids the service needs before asking the engine', () => {
    expect(draftProblems(emptyTargetDraft)?.fields).toEqual({
      name: 'give the target a name',
      endpoint: 'give the TUS server’s upload URL',
    });
    expect(draftProblems({ ...withProvider(emptyTargetDraft, 'twelvelabs'), name: 'A' })?.fields).toEqual({
      index: 'give the index ID',
    });
    expect(draftProblems({ ...emptyTargetDraft, name: 'A', endpoint: 'https://t.example/files' })).toBeNull();
  });

  it("shows the engine's issues by their field, a provider it does not speak by the provider, the rest for the form", () => {
    const invalid = new FerryError('INVALID_INPUT', 'Invalid input', [
      { path: 'endpoint', message: 'must be an http:// or https:// URL' },
      { path: 'library', message: 'cannot be empty' },
      { path: 'id', message: 'is wrong' },
    ]);
    expect(targetFailure(invalid)).toEqual({
      message: 'id: is wrong',
      fields: { endpoint: 'must be an http:// or https:// URL', library: 'cannot be empty' },
    });
    expect(targetFailure(new FerryError('NOT_AVAILABLE', 'Not yet.'))).toEqual({
      message: null,
      fields: { provider: 'Not yet.' },
    });
    expect(targetFailure(new FerryError('INVALID_INPUT', 'A target named "A" already exists.'))).toEqual({
      message: 'A target named "A" already exists.',
      fields: {},
    });
  });
});
