// The driver kind and its evidence for the language status item (features/driverKind.ts): the kind is the index's
// (roleOf), the evidence the strongest name of that kind nearest the file, its line the first use outside comments.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../server/src/analysis/workspace';
import { driverKind, lineOfName } from '../../server/src/features/driverKind';
import { summarizeFile, type Services } from '../../server/src/services';
import { services } from './helpers';

const REGISTER_CM = 'void Bind(NDIS_HANDLE h) {\n  NdisCmRegisterAddressFamilyEx(h, &Af);\n}\n';
const PROTOCOL = 'NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars;\nvoid Entry(void) { NdisRegisterProtocolDriver(NULL, &Chars, &H); }\n';
const PLAIN = 'int Add(int a, int b) { return a + b; }\n';

describe('driverKind', () => {
  let s: Services;
  before(async () => { s = await services(); });
  const index = (files: Record<string, string>) => {
    const w = new WorkspaceIndex();
    for (const [uri, text] of Object.entries(files)) w.set(summarizeFile(s, uri, text)!);
    return { w, read: (uri: string) => files[uri] };
  };

  test('names the registration call that decided the kind, in the file that makes it, at its line', () => {
    const { w, read } = index({ 'file:///d/cm/bind.c': REGISTER_CM, 'file:///d/cm/driver.c': PROTOCOL, 'file:///d/cm/call.c': PLAIN });
    assert.deepEqual(driverKind('file:///d/cm/call.c', w, false, read), {
      kind: 'call-manager', source: 'detected', indexing: false,
      evidence: { name: 'NdisCmRegisterAddressFamilyEx', uri: 'file:///d/cm/bind.c', line: 2 },
    });
  });

  test('prefers the evidence nearest the file when two files hold the same name', () => {
    const { w, read } = index({ 'file:///d/a/bind.c': REGISTER_CM, 'file:///d/a/sub/bind.c': `\n${REGISTER_CM}`, 'file:///d/a/sub/x.c': PLAIN });
    assert.equal(driverKind('file:///d/a/sub/x.c', w, true, read).evidence?.uri, 'file:///d/a/sub/bind.c');
    assert.equal(driverKind('file:///d/a/bind.c', w, true, read).evidence?.uri, 'file:///d/a/bind.c');
    assert.equal(driverKind('file:///d/a/bind.c', w, true, read).indexing, true);
  });

  test('unknown with no evidence anywhere; the setting, when it forces a kind, is the reason given', () => {
    const { w, read } = index({ 'file:///d/x.c': PLAIN });
    assert.deepEqual(driverKind('file:///d/x.c', w, false, read), { kind: 'unknown', source: 'none', indexing: false });
    w.override = 'client';
    assert.deepEqual(driverKind('file:///d/x.c', w, false, read), { kind: 'client', source: 'setting', indexing: false });
  });

  test('a file that can no longer be read still gives the evidence, without a line', () => {
    const { w } = index({ 'file:///d/cm/bind.c': REGISTER_CM });
    assert.deepEqual(driverKind('file:///d/cm/bind.c', w, false, () => undefined).evidence, { name: 'NdisCmRegisterAddressFamilyEx', uri: 'file:///d/cm/bind.c' });
  });

  test('lineOfName skips comments and strings, and finds nothing when the name is only mentioned there', () => {
    const name = 'NdisCmRegisterAddressFamilyEx';
    assert.equal(lineOfName(`// ${name}\n/* ${name}\n */\nconst char *s = "${name}";\n  ${name}(h, &af);\n`, name), 5);
    assert.equal(lineOfName(`/* ${name} */ // ${name}\n`, name), undefined);
    assert.equal(lineOfName(`${name}Wrapper(); My${name}();\n${name}();`, name), 2);
    assert.equal(lineOfName(`/* never closed ${name}`, name), undefined);
  });
});
