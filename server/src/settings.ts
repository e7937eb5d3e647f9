// The `condis.*` settings: one schema mirrored from package.json, with defaults, read defensively.
import type { Severity } from './rules/types';
import type { DriverKind } from './analysis/workspace';

export type RuleSetting = Severity | 'off';

export interface Settings {
  inlayHints: { parameterNames: boolean };
  /** Lifecycle lenses above handlers and completing functions (features/codeLens.ts). */
  codeLens: { enable: boolean };
  diagnostics: {
    enable: boolean;
    /** Per-rule severity or 'off', by rule id. */
    rules: Record<string, RuleSetting>;
  };
  /** 'auto' detects the driver kind from the workspace; anything else overrides it. */
  driverRole: DriverKind | 'auto';
  /** Open documents and workspace files larger than this many MB (1 MB = 1,048,576 bytes) are not parsed or checked. */
  maxFileSize: number;
  /**
   * Milliseconds one check of a document may spend on items not checked before; the rest waits for the next check,
   * which follows at once. Bounds how long the server is busy with one document before it answers other requests.
   */
  timeBudget: number;
}

export const DEFAULT_SETTINGS: Settings = {
  inlayHints: { parameterNames: true },
  codeLens: { enable: true },
  diagnostics: { enable: true, rules: {} },
  driverRole: 'auto',
  maxFileSize: 8,
  timeBudget: 500,
};

/** Bounds of `timeBudget` in ms. */
export const TIME_BUDGET_MIN_MS = 10;
export const TIME_BUDGET_MAX_MS = 60_000;

function readTimeBudget(v: unknown): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return DEFAULT_SETTINGS.timeBudget;
  return Math.min(TIME_BUDGET_MAX_MS, Math.max(TIME_BUDGET_MIN_MS, Math.round(n)));
}

/** Bounds of `maxFileSize` in MB: below, a typo (0, a negative) would switch everything off; above, V8's string limit. */
export const MAX_FILE_SIZE_MIN_MB = 0.01;
export const MAX_FILE_SIZE_MAX_MB = 512;

/** The limit in bytes. */
export const maxFileBytes = (s: Settings): number => Math.round(s.maxFileSize * 1_048_576);

function readMaxFileSize(v: unknown): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return DEFAULT_SETTINGS.maxFileSize;
  return Math.min(MAX_FILE_SIZE_MAX_MB, Math.max(MAX_FILE_SIZE_MIN_MB, n));
}

const RULE_SETTINGS = new Set(['error', 'warning', 'information', 'hint', 'off']);
const ROLES = new Set(['auto', 'call-manager', 'miniport-call-manager', 'client', 'miniport']);

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});

/** Accepts whatever a client sends (`condis` section or initializationOptions) and keeps only well-typed values. */
export function readSettings(raw: unknown): Settings {
  const r = obj(raw);
  const hints = obj(r.inlayHints);
  const lens = obj(r.codeLens);
  const diag = obj(r.diagnostics);
  const rules: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries(obj(diag.rules))) if (typeof v === 'string' && RULE_SETTINGS.has(v)) rules[id] = v as RuleSetting;
  return {
    inlayHints: {
      parameterNames: typeof hints.parameterNames === 'boolean' ? hints.parameterNames : DEFAULT_SETTINGS.inlayHints.parameterNames,
    },
    codeLens: { enable: typeof lens.enable === 'boolean' ? lens.enable : DEFAULT_SETTINGS.codeLens.enable },
    diagnostics: {
      enable: typeof diag.enable === 'boolean' ? diag.enable : true,
      rules,
    },
    driverRole: typeof r.driverRole === 'string' && ROLES.has(r.driverRole) ? r.driverRole as Settings['driverRole'] : 'auto',
    maxFileSize: readMaxFileSize(r.maxFileSize),
    timeBudget: readTimeBudget(r.timeBudget),
  };
}
