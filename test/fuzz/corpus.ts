// The fuzzer's raw material: every C file of the fixtures and examples, C fragments to splice in, and the
// catalog's names, so mutations keep landing on code our rules and hovers care about.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCatalog } from '../../server/src/catalog';

export const ROOT = join(__dirname, '..', '..');
const SOURCE_DIRS = ['test/fixtures', 'test/cli/fixtures', 'examples', 'test/stubs'];

export interface Corpus {
  /** Base texts by repository-relative path. */
  files: { path: string; text: string }[];
  fragments: string[];
  /** Function, callback, pointer-typedef, handler-field and status names from the catalog. */
  names: string[];
  functionNames: string[];
}

function cFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(ROOT, dir), { recursive: true }).map(String);
  } catch {
    return []; // a folder still being written by someone else
  }
  return names.filter((n) => /\.(c|h)$/.test(n)).sort().map((n) => join(dir, n));
}

/** Hand-picked shapes: calls half typed, handler tables, SAL, the preprocessor, and plain C oddities. */
export const FRAGMENTS: readonly string[] = [
  'NdisCmCloseCallComplete(NDIS_STATUS_PENDING, Vc->NdisVcHandle, NULL);',
  'NdisMCmCloseCallComplete(Status, VcHandle, PartyHandle);',
  'NdisCmCloseCallComplete(',
  'NdisCoDeleteVc(Vc->NdisVcHandle);',
  'Status = NdisCoCreateVc(Adapter->Handle, AfHandle, Vc, &Vc->NdisVcHandle);',
  'NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL, 0);',
  'NdisMCmActivateVc(VcHandle, CallParameters);',
  'NdisCmDeactivateVc(Vc->NdisVcHandle);',
  'return NDIS_STATUS_PENDING;',
  'if (Status != NDIS_STATUS_PENDING) { NdisCmMakeCallComplete(Status, Vc, NULL, NULL, CallParameters); }',
  'CmChars.CmCloseCallHandler = ExCloseCall;',
  '.CmMakeCallHandler = ExMakeCall,',
  'PROTOCOL_CM_CLOSE_CALL ExCloseCall;',
  'static PROTOCOL_CM_MAKE_CALL MakeCall;',
  '_Use_decl_annotations_\nNDIS_STATUS\nExCloseCall(_In_ NDIS_HANDLE CallMgrVcContext, _In_opt_ NDIS_HANDLE P, _In_opt_ PVOID D, _In_ UINT S)\n{\n    return NDIS_STATUS_PENDING;\n}\n',
  'VOID Fn(IN NDIS_HANDLE h OPTIONAL, __in PVOID p, __drv_maxIRQL(DISPATCH_LEVEL) ULONG x) { }',
  '_IRQL_requires_max_(PASSIVE_LEVEL)',
  '_When_(Status == 0, _Out_writes_(Count))',
  '#include <ndis.h>\n', '#include "',
  '#if DBG\n', '#ifdef NDIS60\n', '#else\n', '#elif X\n', '#endif\n', '#define CLOSE(v) NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, (v), NULL)\n',
  '#define X \\\n  y \\\n', '#pragma warning(disable: 4201)\n', '#error stop\n',
  '/*', '*/', '//', '// condis-ignore-next-line\n', '// condis-ignore-next-line complete-with-pending, unchecked-status\n',
  '"', "'", '"unterminated', "'\\", 'L"wide \\" string"', 'R"(raw)"',
  '{', '}', '(', ')', '[', ']', ';', ',', '->', '.', '::', '...', '?', ':', '\\', '#', '##', '@', '$', '`',
  'switch (x) { case 1: break; default: ; }', 'do { } while (0);', 'for (;;) { continue; }', 'goto out; out: ;',
  'struct _VC { NDIS_HANDLE NdisVcHandle; } *Vc;', 'typedef VOID (*PFN)(PVOID);', 'extern "C" {', 'enum { A = 1, B };',
  'x = (PVOID)(ULONG_PTR)&y;', 'a ? b : c', 'sizeof(NDIS_CALL_MANAGER_CHARACTERISTICS)', '__try { } __except (1) { }',
  'KeInitializeDpc(&Dpc, ExDpc, Ctx);', 'NDIS_TIMER_FUNCTION ExTimer;', 'NdisMoveMemory(a, b, c);',
  '\t', '\r\n', '\r', '\n\n\n', '\u00a0', '\u2028', '\ufeff', '\u0000', '\ud800', '\udc00', '\ud83d\ude00', 'é', '\u200b',
];

let cached: Corpus | undefined;

export function loadCorpus(): Corpus {
  if (cached) return cached;
  const files = SOURCE_DIRS.flatMap(cFiles).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
  const catalog = createCatalog();
  const functionNames = catalog.entries.filter((e) => e.kind === 'function').map((e) => e.name);
  const names = [
    ...catalog.entries.flatMap((e) => [e.name, e.pointerType, e.conventionalName, ...e.handlerFields]),
    ...catalog.statuses.map((s) => s.name),
  ].filter((n): n is string => !!n);
  cached = { files, fragments: [...FRAGMENTS], names: [...new Set(names)], functionNames };
  return cached;
}
