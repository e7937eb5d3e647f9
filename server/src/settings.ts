// The `condis.*` settings: one schema mirrored from package.json, with defaults, read defensively.

export interface Settings {
  inlayHints: { parameterNames: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  inlayHints: { parameterNames: true },
};

/** Accepts whatever a client sends (`condis` section or initializationOptions) and keeps only well-typed values. */
export function readSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const hints = (r.inlayHints && typeof r.inlayHints === 'object' ? r.inlayHints : {}) as Record<string, unknown>;
  return {
    inlayHints: {
      parameterNames: typeof hints.parameterNames === 'boolean' ? hints.parameterNames : DEFAULT_SETTINGS.inlayHints.parameterNames,
    },
  };
}
