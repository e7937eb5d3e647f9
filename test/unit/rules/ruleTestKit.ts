// Shared scaffolding for rule tests: a small stand-alone call manager to mutate, and the fix round-trip check.
import assert from 'node:assert/strict';
import { applyFix, check, services, type Checked } from '../helpers';
import { ParsedText } from '../../../server/src/syntax/parsedText';

export const CM_HEADER = `
#include <ndis.h>

typedef struct _CM_VC {
    NDIS_HANDLE NdisVcHandle;
    NDIS_HANDLE NdisPartyHandle;
    BOOLEAN CreatedByCm;
    NDIS_WORK_ITEM CloseWork;
} CM_VC, *PCM_VC;

PROTOCOL_CM_CLOSE_CALL CmCloseCall;
PROTOCOL_CM_MAKE_CALL CmMakeCall;
`;

/** Registration evidence that makes the workspace a stand-alone call manager. */
export const CM_REGISTRATION = `
NDIS_STATUS CmBind(NDIS_HANDLE Binding, PCO_ADDRESS_FAMILY Af)
{
    NDIS_STATUS Status = NdisCmRegisterAddressFamilyEx(Binding, Af);
    return Status;
}
`;

export function countErrors(node: { type: string; isMissing: boolean; children: readonly unknown[] } | null): number {
  if (!node) return 0;
  let n = node.type === 'ERROR' || node.isMissing ? 1 : 0;
  for (const c of node.children) n += countErrors(c as never);
  return n;
}

/**
 * Applies fix `index` of the first `rule` finding in `files[target]`, then checks: the result parses with no more
 * ERROR nodes than before, the finding is gone, and no new finding appears. Returns the fixed text.
 */
export async function assertFixRoundTrip(files: Record<string, string>, rule: string, index = 0, target = Object.keys(files)[0]): Promise<string> {
  const before = await check(files, { target });
  const f = before.of(rule)[0];
  assert.ok(f, `expected a ${rule} finding to fix`);
  assert.ok(f.fixes?.[index], `${rule} offers fix #${index}`);
  const fixed = applyFix(before.text, f, index);
  const s = await services();
  const p0 = new ParsedText(s.parser, before.text);
  const p1 = new ParsedText(s.parser, fixed);
  assert.ok(countErrors(p1.tree!.rootNode as never) <= countErrors(p0.tree!.rootNode as never), 'the fix adds no ERROR node');
  p0.dispose(); p1.dispose();
  const after: Checked = await check({ ...files, [target]: fixed }, { target });
  assert.equal(after.of(rule).filter((x) => x.message === f.message).length, 0, `the ${rule} finding is gone`);
  const key = (x: { rule: string; message: string }) => `${x.rule}:${x.message}`;
  const old = new Set(before.findings.map(key));
  const added = after.findings.filter((x) => !old.has(key(x)));
  assert.deepEqual(added.map(key), [], 'nothing new appears');
  return fixed;
}
