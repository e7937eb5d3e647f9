// The words of the lifecycle lenses: what a handler implements and how its request ends, and which requests a
// function completes. Our own wording; places as `file.c:line`.
import type { CompletionSite, HandlerInfo } from './types';
import { shortRef } from './places';

/** `ProtocolCmCloseCall · pends → completed by NdisCmCloseCallComplete in CmDeactivateVcComplete (vc.c:212)`. */
export function handlerTitle(h: HandlerInfo): string {
  const what = h.conventional ?? h.role;
  if (h.ending === 'sync') return `${what} · completes synchronously`;
  const verb = h.ending === 'pends' ? 'pends' : 'may pend';
  if (!h.completions.length) return `${what} · ${verb} · no completion found`;
  const more = h.completions.length > 1 ? ` (+${h.completions.length - 1} more)` : '';
  // The completion call itself first, when there is one: the sites reached through a helper follow from it.
  const head = h.completions.find((c) => !c.via) ?? h.completions[0];
  return `${what} · ${verb} → completed by ${siteWords(head)}${more}`;
}

function siteWords(s: CompletionSite): string {
  const through = s.via ? ` through ${s.via}` : '';
  return `${s.callee}${through} in ${s.caller} (${shortRef(s.place)})`;
}

/**
 * `completes CmCloseCall (call.c:88)`: the handlers whose requests a function's completion calls complete; `roles`
 * names the requests whose handler the driver does not register.
 */
export function completesTitle(handlers: readonly HandlerInfo[], roles: readonly string[]): string {
  const named = handlers.map((h) => (h.definition ? `${h.name} (${shortRef(h.definition)})` : h.name));
  const unknown = roles.map((r) => `a pended ${r} (no handler found)`);
  return `completes ${[...named, ...unknown].join(', ')}`;
}
