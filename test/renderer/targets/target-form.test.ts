import { describe, expect, it } from 'vitest';
import { FerryError } from '../../../shared/ferry-error';
import {
  draftProblems,
  emptyTargetDraft,
  targetFailure,
  targetInput,
} from '../../../renderer/src/features/targets/target-form';

describe('the add-target form', () => {
  it('sends the draft trimmed, without an empty credential', () => {
    const draft = { ...emptyTargetDraft, name: ' Archive ', endpoint: ' https://tus.example.com/ ', credential: ' ' };
    expect(targetInput(draft)).toEqual({
      name: 'Archive',
      provider: 'tus',
      mode: 'push',
      endpoint: 'https://tus.example.com/',
    });
    expect(targetInput({ ...draft, credential: 'Bearer t' }).credential).toBe('Bearer t');
  });

  it('asks for a name before asking the engine', () => {
    expect(draftProblems(emptyTargetDraft)?.fields).toEqual({ name: 'give the target a name' });
    expect(draftProblems({ ...emptyTargetDraft, name: 'A' })).toBeNull();
  });

  it("shows the engine's issues by their field, a provider it does not speak by the provider, the rest for the form", () => {
    const invalid = new FerryError('INVALID_INPUT', 'Invalid input', [
      { path: 'endpoint', message: 'must be an http:// or https:// URL' },
      { path: 'id', message: 'is wrong' },
    ]);
    expect(targetFailure(invalid)).toEqual({
      message: 'id: is wrong',
      fields: { endpoint: 'must be an http:// or https:// URL' },
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
