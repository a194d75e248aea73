/**
 * A target as the user gave it, checked against what its service needs and completed with the
 * service's defaults: the modes it has, the ids its API paths need, its API base. Pure.
 */
import { providerFacts, type DeliveryTargetInput, type TargetField } from '../../../shared/delivery-targets';
import type { InputIssue } from '../../../shared/ferry-error';
import type { TargetFields } from '../store/target-store';
import { apiOrigin } from '../../../shared/target-endpoint';

export function checkTarget(
  input: Omit<DeliveryTargetInput, 'credential' | 'id'>,
): { ok: true; fields: Omit<TargetFields, 'hasCredential'> } | { ok: false; issues: InputIssue[] } {
  const facts = providerFacts[input.provider];
  const issues: InputIssue[] = [];
  if (!facts.modes.includes(input.mode)) {
    const other = facts.modes.join(' or ');
    issues.push({
      path: 'mode',
      message:
        input.mode === 'pull'
          ? `${facts.label} cannot fetch links itself; choose mode ${other}.`
          : `${facts.label} takes no uploads from Ferry, only links it fetches itself; choose mode ${other}.`,
    });
  }
  // An API base as its origin (target-endpoint.ts); a TUS endpoint is used as given.
  const given = input.endpoint ?? facts.defaultEndpoint;
  const form = given && input.provider !== 'tus' ? apiOrigin(input.provider, given, input.account?.trim()) : undefined;
  if (form && !form.ok) issues.push({ path: form.path, message: form.message });
  const endpoint = form?.ok ? form.endpoint : given;
  if (!endpoint) {
    issues.push({ path: 'endpoint', message: "is needed: the TUS server's creation URL, where uploads are created." });
  }
  const taken = { ...input, ...(form?.ok && form.account !== undefined ? { account: form.account } : {}) };
  const needed: Partial<Record<TargetField, string>> = {};
  for (const [field, called] of Object.entries(facts.needs) as [TargetField, string][]) {
    const value = taken[field]?.trim();
    if (value) needed[field] = value;
    else {
      const where = facts.whereToFind[field];
      issues.push({ path: field, message: `${facts.label} needs its ${called}${where ? `: find it ${where}` : ''}.` });
    }
  }
  if (issues.length > 0 || !endpoint) return { ok: false, issues };
  return {
    ok: true,
    fields: {
      name: input.name.trim(),
      provider: input.provider,
      mode: input.mode,
      endpoint,
      account: needed.account ?? null,
      library: needed.library ?? null,
      index: needed.index ?? null,
      send: input.send ?? 'mp4',
      readyWhen: input.readyWhen ?? 'complete',
    },
  };
}
