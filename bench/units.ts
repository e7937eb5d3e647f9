// One generated unit: the code a call manager has per address family. Macros, a VC context, role-type declarations,
// every call-manager handler (SAL 2 or NDIS 5 annotated), workers with switches, loops and gotos, and a handler table
// (NDIS 6 optional handlers or NDIS 5 characteristics). About one unit in ten carries a lifecycle mistake.
import type { Emitter } from './emitter';
import { H, head, s, ctxOf, type Ctx } from './cText';
import { emitCallHandlers, emitOidHandlers, emitRequestHandlers } from './callHandlers';
import { emitGotoWorker, emitIncoming, emitLoopWorker, emitSwitchWorker, emitTable } from './workers';

export interface Unit { register: string; ctx: Ctx; counters: number }

export function emitUnit(out: Emitter, p: string, index: number, rnd: () => number): Unit {
  const c: Ctx = { out, p, u: p.toUpperCase(), sal: rnd() < 0.6, rnd };
  const u = c.u;
  const bug = rnd() < 0.1 ? (rnd() < 0.5 ? 'pending' : 'unchecked') : '';
  const tag = String.fromCharCode(...[0, 1, 2, 3].map(() => 97 + Math.floor(rnd() * 26)));
  const counters = 2 + Math.floor(rnd() * 6);

  out.line('/*');
  out.line(` * ---- Address family unit ${p} (#${index}) ${'-'.repeat(60)}`);
  out.line(` * The VC context is allocated in ${p}CreateVc and freed in ${p}DeleteVc. A call closes through ${p}CloseCall,`);
  out.line(` * which deactivates the VC first and completes from ${p}DeactivateVcComplete with NdisCmCloseCallComplete.`);
  out.line(' */');
  const defines: [string, string][] = [
    ['TAG', `'${tag}'`], ['FLAG_ACTIVE', '0x00000001'], ['FLAG_CLOSING', '0x00000002'], ['FLAG_INCOMING', '0x00000004'],
    ['STATE_IDLE', '0'], ['STATE_CALLING', '1'], ['STATE_CONNECTED', '2'], ['STATE_CLOSING', '3'],
    ['MAX_COPY', String(256 << Math.floor(rnd() * 4))],
  ];
  for (const [k, v] of defines) out.line(`#define ${`${u}_${k}`.padEnd(28)}${v}`);
  out.line(`#define ${`${u}_LOCK(_v)`.padEnd(28)}NdisAcquireSpinLock(&(_v)->Lock)`);
  out.line(`#define ${`${u}_UNLOCK(_v)`.padEnd(28)}NdisReleaseSpinLock(&(_v)->Lock)`);
  out.line(`#define ${`${u}_HAS(_v, _f)`.padEnd(28)}(((_v)->Flags & (_f)) != 0)`);
  out.line('');
  out.line(`typedef struct _${u}_AF {`);
  for (const f of ['NDIS_HANDLE         NdisAfHandle;', 'NDIS_HANDLE         BindingContext;', 'LONG                VcCount;', 'NDIS_SPIN_LOCK      Lock;']) out.line(`    ${f}`);
  out.line(`} ${u}_AF, *P${u}_AF;`);
  out.line('');
  out.line(`typedef struct _${u}_VC {`);
  for (const f of ['LIST_ENTRY          Link;', 'NDIS_SPIN_LOCK      Lock;', `P${u}_AF${' '.repeat(Math.max(1, 16 - u.length))}Af;`,
    'NDIS_HANDLE         NdisVcHandle;', 'ULONG               Flags;', 'ULONG               State;',
    `ULONG               Counters[${counters}];`, 'PCO_CALL_PARAMETERS CallParameters;']) out.line(`    ${f}`);
  out.line(`} ${u}_VC, *P${u}_VC;`);
  out.line('');
  out.line(`static NDIS_HANDLE ${p}DriverHandle;`);
  out.line('');

  const roles: [string, string][] = [
    ['PROTOCOL_CO_CREATE_VC', 'CreateVc'], ['PROTOCOL_CO_DELETE_VC', 'DeleteVc'], ['PROTOCOL_CM_OPEN_AF', 'OpenAf'],
    ['PROTOCOL_CM_CLOSE_AF', 'CloseAf'], ['PROTOCOL_CM_REG_SAP', 'RegisterSap'], ['PROTOCOL_CM_DEREGISTER_SAP', 'DeregisterSap'],
    ['PROTOCOL_CM_MAKE_CALL', 'MakeCall'], ['PROTOCOL_CM_CLOSE_CALL', 'CloseCall'],
    ['PROTOCOL_CM_INCOMING_CALL_COMPLETE', 'IncomingCallComplete'], ['PROTOCOL_CM_ADD_PARTY', 'AddParty'],
    ['PROTOCOL_CM_DROP_PARTY', 'DropParty'], ['PROTOCOL_CM_ACTIVATE_VC_COMPLETE', 'ActivateVcComplete'],
    ['PROTOCOL_CM_DEACTIVATE_VC_COMPLETE', 'DeactivateVcComplete'], ['PROTOCOL_CM_MODIFY_QOS_CALL', 'ModifyQoS'],
  ];
  if (c.sal) roles.push(['PROTOCOL_CO_OID_REQUEST', 'OidRequest'], ['PROTOCOL_CO_OID_REQUEST_COMPLETE', 'OidRequestComplete'],
    ['PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE', 'NotifyCloseAfComplete'], ['PROTOCOL_SET_OPTIONS', 'SetOptions']);
  for (const [role, fn] of roles) out.line(`${role} ${p}${fn};`, [H(3), H(role.length + 3)]);
  out.line('');

  const H_ = 'NDIS_HANDLE';
  // CreateVc / DeleteVc
  head(c, 'NDIS_STATUS', `${p}CreateVc`, [[H_, 'ProtocolAfContext', '_In_'], [H_, 'NdisVcHandle', '_In_'], ['PNDIS_HANDLE', 'ProtocolVcContext', '_Out_']]);
  s(c, `    P${u}_AF Af = (P${u}_AF)ProtocolAfContext;`);
  out.line(`    P${u}_VC Vc;`);
  out.line('');
  out.call('    ', 'NdisAllocateMemoryWithTagPriority', [`${p}DriverHandle`, `sizeof(${u}_VC)`, `${u}_TAG`, 'NormalPoolPriority'], `Vc = (P${u}_VC)`);
  s(c, '    if (Vc == NULL) {');
  s(c, '        return NDIS_STATUS_RESOURCES;');
  out.line('    }');
  out.call('    ', 'NdisZeroMemory', ['Vc', `sizeof(${u}_VC)`]);
  out.call('    ', 'NdisAllocateSpinLock', ['&Vc->Lock']);
  s(c, '    Vc->Af = Af;');
  s(c, '    Vc->NdisVcHandle = NdisVcHandle;');
  s(c, `    Vc->State = ${u}_STATE_IDLE;`);
  out.call('    ', 'NdisInterlockedIncrement', ['&Af->VcCount']);
  s(c, '    *ProtocolVcContext = Vc;');
  s(c, '    return NDIS_STATUS_SUCCESS;');
  out.line('}');
  out.line('');
  head(c, 'NDIS_STATUS', `${p}DeleteVc`, [[H_, 'ProtocolVcContext', '_In_']]);
  s(c, `    P${u}_VC Vc = (P${u}_VC)ProtocolVcContext;`);
  out.line('');
  out.call('    ', 'NdisInterlockedDecrement', ['&Vc->Af->VcCount']);
  out.call('    ', 'NdisFreeSpinLock', ['&Vc->Lock']);
  out.call('    ', 'NdisFreeMemory', ['Vc', `sizeof(${u}_VC)`, '0']);
  s(c, '    return NDIS_STATUS_SUCCESS;');
  out.line('}');
  out.line('');

  // Address family and SAPs
  head(c, 'NDIS_STATUS', `${p}OpenAf`, [[H_, 'CallMgrBindingContext', '_In_'], ['PCO_ADDRESS_FAMILY', 'AddressFamily', '_In_'], [H_, 'NdisAfHandle', '_In_'], ['PNDIS_HANDLE', 'CallMgrAfContext', '_Out_']]);
  out.line(`    P${u}_AF Af;`);
  out.line('');
  s(c, '    UNREFERENCED_PARAMETER(AddressFamily);');
  out.call('    ', 'NdisAllocateMemoryWithTagPriority', [`${p}DriverHandle`, `sizeof(${u}_AF)`, `${u}_TAG`, 'NormalPoolPriority'], `Af = (P${u}_AF)`);
  s(c, '    if (Af == NULL) {');
  s(c, '        return NDIS_STATUS_RESOURCES;');
  out.line('    }');
  out.call('    ', 'NdisZeroMemory', ['Af', `sizeof(${u}_AF)`]);
  s(c, '    Af->NdisAfHandle = NdisAfHandle;');
  s(c, '    Af->BindingContext = CallMgrBindingContext;');
  out.call('    ', 'NdisAllocateSpinLock', ['&Af->Lock']);
  s(c, '    *CallMgrAfContext = Af;');
  s(c, '    return NDIS_STATUS_SUCCESS;');
  out.line('}');
  out.line('');
  head(c, 'NDIS_STATUS', `${p}CloseAf`, [[H_, 'CallMgrAfContext', '_In_']]);
  ctxOf(c, 'Af', 'AF');
  out.line('');
  out.call('    ', 'NdisFreeSpinLock', ['&Af->Lock']);
  out.call('    ', 'NdisFreeMemory', ['Af', `sizeof(${u}_AF)`, '0']);
  s(c, '    return NDIS_STATUS_SUCCESS;');
  out.line('}');
  out.line('');
  head(c, 'NDIS_STATUS', `${p}RegisterSap`, [[H_, 'CallMgrAfContext', '_In_'], ['PCO_SAP', 'Sap', '_In_'], [H_, 'NdisSapHandle', '_In_'], ['PNDIS_HANDLE', 'CallMgrSapContext', '_Out_']]);
  s(c, '    UNREFERENCED_PARAMETER(Sap);');
  s(c, '    UNREFERENCED_PARAMETER(NdisSapHandle);');
  s(c, '    *CallMgrSapContext = CallMgrAfContext;      /* one SAP per family: the family is the SAP context */');
  s(c, '    return NDIS_STATUS_SUCCESS;');
  out.line('}');
  out.line('');
  head(c, 'NDIS_STATUS', `${p}DeregisterSap`, [[H_, 'CallMgrSapContext', '_In_']]);
  s(c, '    UNREFERENCED_PARAMETER(CallMgrSapContext);');
  s(c, '    return NDIS_STATUS_SUCCESS;');
  out.line('}');
  out.line('');

  emitCallHandlers(c, bug);
  if (c.sal) emitOidHandlers(c); else emitRequestHandlers(c);
  const unit: Unit = { register: '', ctx: c, counters };
  const workers = 1 + Math.floor(rnd() * 3);
  for (let w = 0; w < workers; w++) emitWorker(unit, w);
  emitIncoming(c);
  unit.register = emitTable(c, index, [...roles.map((r) => r[1]), ...(c.sal ? [] : ['Request', 'RequestComplete'])]);
  return unit;
}

/** One more worker routine for `unit` (a switch, a goto cleanup or a loop), numbered `w`. */
export function emitWorker(unit: Unit, w: number): void {
  const kind = Math.floor(unit.ctx.rnd() * 3);
  if (kind === 0) emitSwitchWorker(unit.ctx, w, unit.counters); else if (kind === 1) emitGotoWorker(unit.ctx, w); else emitLoopWorker(unit.ctx, w);
}
