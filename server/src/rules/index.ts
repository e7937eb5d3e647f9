// The registry: every rule, in the order findings are reported. Ids are stable; each has docs/rules/<id>.md.
import type { Rule } from './types';
import { completeWithPending } from './completeWithPending';
import { doubleCompletion } from './doubleCompletion';
import { missingCompletion } from './missingCompletion';

export const RULES: readonly Rule[] = [
  completeWithPending,
  doubleCompletion,
  missingCompletion,
];

export const RULE_IDS = new Set(RULES.map((r) => r.id));
