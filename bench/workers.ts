// The rest of a generated unit: worker routines (a switch with gotos, a goto cleanup, a list walk with loops), the
// incoming-call dispatcher that creates VCs, and the handler table with the family's registration routine.
import { E, H, head, s, type Ctx } from './cText';

export function emitSwitchWorker(c: Ctx, w: number, counters: number): void {
  const { out, p, u, rnd } = c;
  out.line(`/* Accounts one protocol event against the VC's budget; events past the budget are refused. */`);
  head(c, 'NDIS_STATUS', `${p}ProcessEvent${w}`, [[`P${u}_VC`, 'Vc', '_In_'], ['ULONG', 'Event', '_In_'], ['PULONG', 'Budget', '_Inout_']], true);
  out.line('    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;');
  out.line('    ULONG Index;');
  out.line('');
  s(c, `    ${u}_LOCK(Vc);`);
  s(c, '    switch (Event) {');
  const cases = 4 + Math.floor(rnd() * 9);
  for (let k = 0; k < cases; k++) {
    const cost = 1 + Math.floor(rnd() * 64);
    s(c, `    case ${k}:`);
    s(c, `        Vc->Counters[${k % counters}] += ${cost};`);
    if (k === 0 || rnd() < 0.5) { // at least one case jumps to Unlock, so the label is used
      s(c, `        if (*Budget < ${cost}) {`);
      s(c, '            Status = NDIS_STATUS_RESOURCES;');
      s(c, '            goto Unlock;');
      out.line('        }');
      s(c, `        *Budget -= ${cost};`);
    }
    s(c, '        break;');
  }
  s(c, '    default:');
  s(c, '        Status = NDIS_STATUS_INVALID_DATA;');
  s(c, '        break;');
  out.line('    }');
  s(c, `    for (Index = 0; Index < ${counters}; Index++) {`);
  s(c, `        if (Vc->Counters[Index] > ${1000 + Math.floor(rnd() * 9000)}) {`);
  s(c, '            Vc->Counters[Index] = 0;');
  out.line('        }');
  out.line('    }');
  out.line('Unlock:');
  s(c, `    ${u}_UNLOCK(Vc);`);
  s(c, '    return Status;');
  out.line('}');
  out.line('');
}

export function emitGotoWorker(c: Ctx, w: number): void {
  const { out, p, u } = c;
  out.line('/* Keeps a private copy of call parameters the client passed; both buffers are freed on every path. */');
  head(c, 'NDIS_STATUS', `${p}CopyParameters${w}`, [[`P${u}_VC`, 'Vc', '_In_'], ['const void *', 'Source', '_In_reads_bytes_(Length)'], ['UINT', 'Length', '_In_']], true);
  out.line('    PUCHAR Buffer = NULL;');
  out.line('    PUCHAR Shadow = NULL;');
  out.line('    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;');
  out.line('');
  s(c, `    if (Length == 0 || Length > ${u}_MAX_COPY) {`);
  s(c, '        return NDIS_STATUS_INVALID_DATA;');
  out.line('    }');
  out.call('    ', 'NdisAllocateMemoryWithTagPriority', [`${p}DriverHandle`, 'Length', `${u}_TAG`, 'NormalPoolPriority'], 'Buffer = (PUCHAR)');
  s(c, '    if (Buffer == NULL) {');
  s(c, '        Status = NDIS_STATUS_RESOURCES;');
  s(c, '        goto Cleanup;');
  out.line('    }');
  out.call('    ', 'NdisAllocateMemoryWithTagPriority', [`${p}DriverHandle`, 'Length', `${u}_TAG`, 'LowPoolPriority'], 'Shadow = (PUCHAR)');
  s(c, '    if (Shadow == NULL) {');
  s(c, '        Status = NDIS_STATUS_RESOURCES;');
  s(c, '        goto Cleanup;');
  out.line('    }');
  out.call('    ', 'NdisMoveMemory', ['Buffer', 'Source', 'Length']);
  out.call('    ', 'NdisMoveMemory', ['Shadow', 'Buffer', 'Length']);
  s(c, `    ${u}_LOCK(Vc);`);
  s(c, '    Vc->Counters[0] += Length;');
  s(c, `    ${u}_UNLOCK(Vc);`);
  out.line('Cleanup:');
  s(c, '    if (Shadow != NULL) {');
  out.call('        ', 'NdisFreeMemory', ['Shadow', 'Length', '0']);
  out.line('    }');
  s(c, '    if (Buffer != NULL) {');
  out.call('        ', 'NdisFreeMemory', ['Buffer', 'Length', '0']);
  out.line('    }');
  s(c, '    return Status;');
  out.line('}');
  out.line('');
}

export function emitLoopWorker(c: Ctx, w: number): void {
  const { out, p, u } = c;
  out.line('/* Counts the VCs on a list that hold a call; closing VCs count twice (they still owe a completion). */');
  head(c, 'ULONG', `${p}CountActive${w}`, [['PLIST_ENTRY', 'Head', '_In_']], true);
  out.line('    PLIST_ENTRY Entry;');
  out.line('    ULONG Count = 0;');
  out.line('');
  s(c, '    for (Entry = Head->Flink; Entry != Head; Entry = Entry->Flink) {');
  s(c, `        P${u}_VC Vc = CONTAINING_RECORD(Entry, ${u}_VC, Link);`);
  s(c, `        if (${u}_HAS(Vc, ${u}_FLAG_ACTIVE)) {`);
  s(c, '            Count++;');
  s(c, `        } else if (Vc->State == ${u}_STATE_CLOSING) {`);
  s(c, '            Count += 2;');
  s(c, '        }');
  out.line('    }');
  s(c, '    while (Count > 0 && (Count & 1) == 0) {');
  s(c, '        Count >>= 1;');
  out.line('    }');
  s(c, '    return Count;');
  out.line('}');
  out.line('');
}

export function emitIncoming(c: Ctx): void {
  const { out, p, u } = c;
  out.line('/* An incoming call for a registered SAP: the call manager creates the VC and offers the call to the client. */');
  head(c, 'NDIS_STATUS', `${p}DispatchIncoming`, [[`P${u}_AF`, 'Af', '_In_'], [`NDIS_HANDLE`, 'NdisSapHandle', '_In_'], [`P${u}_VC`, 'Vc', '_In_'], ['PCO_CALL_PARAMETERS', 'CallParameters', '_In_']], true);
  out.line('    NDIS_STATUS Status;');
  out.line('');
  out.call('    ', 'NdisCoCreateVc', ['Af->BindingContext', 'Af->NdisAfHandle', 'Vc', '&Vc->NdisVcHandle'], 'Status = ');
  s(c, '    if (Status != NDIS_STATUS_SUCCESS) {');
  s(c, '        return Status;');
  out.line('    }');
  s(c, `    Vc->Flags |= ${u}_FLAG_INCOMING;`);
  out.call('    ', 'NdisCmDispatchIncomingCall', ['NdisSapHandle', 'Vc->NdisVcHandle', 'CallParameters'], 'Status = ');
  s(c, '    if (Status != NDIS_STATUS_PENDING) {');
  out.call('        ', `${p}IncomingCallComplete`, ['Status', 'Vc', 'CallParameters']);
  out.line('    }');
  s(c, '    return Status;');
  out.line('}');
  out.line('');
}

/** The handler table and the family's registration routine; returns the routine's name. */
export function emitTable(c: Ctx, index: number, handlers: string[]): string {
  const { out, p } = c;
  const field = (fn: string) => `Cm${fn === 'ModifyQoS' ? 'ModifyCallQoS' : fn}Handler`;
  const inTable = handlers.filter((h) => h !== 'SetOptions');
  if (c.sal) {
    head(c, 'NDIS_STATUS', `${p}SetOptions`, [['NDIS_HANDLE', 'NdisDriverHandle', '_In_'], ['NDIS_HANDLE', 'DriverContext', '_In_']]);
    out.line('    NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Handlers;', [H(6)]);
    out.line('');
    s(c, '    UNREFERENCED_PARAMETER(DriverContext);');
    out.call('    ', 'NdisZeroMemory', ['&Handlers', 'sizeof(Handlers)']);
    s(c, '    Handlers.Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;');
    s(c, '    Handlers.Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;');
    s(c, '    Handlers.Header.Size = sizeof(Handlers);');
    for (const h of inTable) out.line(`    Handlers.${field(h)} = ${p}${h};`, [H(14), H(17 + field(h).length), E()]);
    s(c, `    ${p}DriverHandle = NdisDriverHandle;`);
    out.call('    ', 'NdisSetOptionalHandlers', ['NdisDriverHandle', '(PNDIS_DRIVER_OPTIONAL_HANDLERS)&Handlers'], 'return ');
    out.line('}');
  } else {
    out.line(`static NDIS_CALL_MANAGER_CHARACTERISTICS ${p}Characteristics = {`, [H(10)]);
    out.line('    .MajorVersion = 5,');
    out.line('    .MinorVersion = 0,');
    for (const h of inTable) out.line(`    .${field(h)} = ${p}${h},`, [H(6)]);
    out.line('};');
  }
  out.line('');
  const reg = `${p}Register`;
  out.line(`/* Registers family 0x${(0x100 + index).toString(16)} on the binding. */`);
  out.line('NDIS_STATUS');
  out.line(`${reg}(`, [H(2)]);
  out.line('    _In_ NDIS_HANDLE NdisBindingHandle');
  out.line('    )');
  out.line('{');
  out.line('    CO_ADDRESS_FAMILY Family;');
  out.line('');
  s(c, `    Family.AddressFamily = 0x${(0x100 + index).toString(16)};`);
  s(c, '    Family.MajorVersion = 1;');
  s(c, '    Family.MinorVersion = 0;');
  if (c.sal) out.call('    ', 'NdisCmRegisterAddressFamilyEx', ['NdisBindingHandle', '&Family'], 'return ');
  else out.call('    ', 'NdisCmRegisterAddressFamily', ['NdisBindingHandle', '&Family', `&${p}Characteristics`, `sizeof(${p}Characteristics)`], 'return ');
  out.line('}');
  out.line('');
  return reg;
}
