// Helpers for the diagnostics, code-action and snippet cases: CoNDIS findings as VS Code shows them
// (languages.getDiagnostics), the deliberate mistakes in test/vscode-workspace/mistakes/, proving a
// document was checked, and putting a document back without saving it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

export const SOURCE = 'condis';

/** The rule id of a diagnostic (its code, which carries the documentation link as `target`). */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** The documentation link of a diagnostic (LSP codeDescription.href, `code.target` in the vscode API). */
export function docTarget(d: vscode.Diagnostic): vscode.Uri | undefined {
  return typeof d.code === 'object' ? d.code.target : undefined;
}

/** The CoNDIS diagnostics VS Code holds for `uri` now. */
export function findingsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Every CoNDIS diagnostic VS Code holds, as `file:line rule` keys (sorted), for before/after comparisons. */
export function allFindingKeys(): string[] {
  return vscode.languages.getDiagnostics()
    .flatMap(([uri, ds]) => ds.filter((d) => d.source === SOURCE).map((d) => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1} ${ruleOf(d)}`))
    .sort();
}

/** A readable list of diagnostics for assertion messages. */
export function describe(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return 'none';
  return ds.map((d) => `${d.source}/${ruleOf(d)} @${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.slice(0, 120)}`).join('\n  ');
}

/** One deliberate mistake: the file, the rule that must report it, and what the finding covers. */
export interface Mistake {
  file: string;
  rule: string;
  severity: vscode.DiagnosticSeverity;
  /** The diagnostic's range, marked with « » in a snippet of the file that occurs once. */
  covers: string;
  /** Words the message must contain. */
  mentions: string[];
}

export const MISTAKES: Mistake[] = [
  {
    file: 'mistakes/closeCallCompletedWithPending.c', rule: 'complete-with-pending', severity: vscode.DiagnosticSeverity.Error,
    covers: 'NdisCmCloseCallComplete(«NDIS_STATUS_PENDING», VcHandle', mentions: ['NdisCmCloseCallComplete', 'NDIS_STATUS_SUCCESS'],
  },
  {
    file: 'mistakes/closeCallCompletedTwice.c', rule: 'double-completion', severity: vscode.DiagnosticSeverity.Error,
    covers: '«return NDIS_STATUS_SUCCESS;»', mentions: ['SvcCloseCall', 'ProtocolCmCloseCall', 'NDIS_STATUS_PENDING'],
  },
  {
    file: 'mistakes/incomingCallVcNeverDeleted.c', rule: 'missing-vc-delete', severity: vscode.DiagnosticSeverity.Warning,
    covers: '«NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Call->IncomingVcHandle, NULL)»', mentions: ['Call->IncomingVcHandle', 'NdisCoDeleteVc'],
  },
  {
    file: 'mistakes/closeCallMissingPartyHandle.c', rule: 'wrong-argument-count', severity: vscode.DiagnosticSeverity.Error,
    covers: 'NdisCmCloseCallComplete«(Status, Vc->NdisVcHandle)»', mentions: ['NdisPartyHandle', 'NULL'],
  },
  {
    file: 'mistakes/mcmCloseCallInStandaloneCm.c', rule: 'mcm-api-in-protocol', severity: vscode.DiagnosticSeverity.Error,
    covers: '«NdisMCmCloseCallComplete»(Status, VcHandle, NULL);', mentions: ['stand-alone call manager', 'NdisCmCloseCallComplete'],
  },
];

export function mistake(rule: string): Mistake {
  const m = MISTAKES.find((x) => x.rule === rule);
  assert.ok(m, `a mistakes/ file for ${rule}`);
  return m;
}

/**
 * Waits until VS Code shows exactly one CoNDIS finding in `doc`, of `rule`, and returns it
 * (the file has one deliberate mistake; anything else reported there is a false positive).
 */
export async function theFinding(doc: vscode.TextDocument, rule: string): Promise<vscode.Diagnostic> {
  return waitFor(() => {
    const ds = findingsOf(doc.uri);
    assert.ok(ds.length === 1 && ruleOf(ds[0]) === rule,
      `${vscode.workspace.asRelativePath(doc.uri)} shows exactly one condis finding, ${rule}; it shows ${describe(ds)}`);
    return ds[0];
  });
}

/**
 * Proves that the CoNDIS checker has looked at `doc` as it is now and reported nothing. An empty list alone could
 * mean "not checked yet", so a probe mistake (a close completion missing its party handle) is appended, waited for,
 * and removed again; then the list must be empty. The document's text is back as it was afterwards.
 */
export async function assertCheckedClean(doc: vscode.TextDocument): Promise<void> {
  const name = vscode.workspace.asRelativePath(doc.uri);
  const original = doc.getText();
  const probe = '\nVOID CondisProbe(NDIS_HANDLE ProbeVcHandle) { NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, ProbeVcHandle); }\n';
  const end = doc.positionAt(original.length);
  const add = new vscode.WorkspaceEdit();
  add.insert(doc.uri, end, probe);
  assert.ok(await vscode.workspace.applyEdit(add), `the probe goes into ${name}`);
  try {
    await waitFor(() => {
      const ds = findingsOf(doc.uri);
      assert.ok(ds.some((d) => ruleOf(d) === 'wrong-argument-count' && d.range.start.line >= end.line),
        `the checker reports the probe in ${name}; it shows ${describe(ds)}`);
    });
  } finally {
    const back = new vscode.WorkspaceEdit();
    back.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(back), `the probe is taken out of ${name}`);
  }
  assert.equal(doc.getText(), original, `${name} is back as it was`);
  await waitFor(() => {
    const ds = findingsOf(doc.uri);
    assert.equal(ds.length, 0, `${name} has no condis findings; it shows ${describe(ds)}`);
  });
}

/**
 * Puts a workspace document back to its text on disk without saving (File: Revert File on its editor), and waits
 * until it is clean. Cases edit documents in memory only; autosave is off.
 */
export async function revert(doc: vscode.TextDocument, original: string): Promise<void> {
  if (!doc.isDirty && doc.getText() === original) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(() => {
    assert.equal(doc.isDirty, false, `${vscode.workspace.asRelativePath(doc.uri)} is reverted`);
    assert.equal(doc.getText(), original, `${vscode.workspace.asRelativePath(doc.uri)} has its original text`);
  });
}

/** The range marked with « » in `marked`, a snippet of `doc`'s text that occurs exactly once (without the marks). */
export function markedRange(doc: vscode.TextDocument, marked: string): vscode.Range {
  const text = marked.replace(/[«»]/g, '');
  const all = doc.getText();
  const at = all.indexOf(text);
  const name = vscode.workspace.asRelativePath(doc.uri);
  assert.ok(at >= 0, `"${text}" occurs in ${name}`);
  assert.equal(all.indexOf(text, at + 1), -1, `"${text}" occurs once in ${name}`);
  const start = marked.indexOf('«');
  const end = marked.indexOf('»') - 1;
  assert.ok(start >= 0 && end >= start, `"${marked}" marks a range with « »`);
  return new vscode.Range(doc.positionAt(at + start), doc.positionAt(at + end));
}
