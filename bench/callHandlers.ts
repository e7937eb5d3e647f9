// The call-path handlers of a generated unit: make/close call with VC activation and deactivation (completing with
// NdisCmMakeCallComplete and NdisCmCloseCallComplete), incoming-call completion, parties, QoS, and the OID or NDIS 5
// request handlers. A unit's seeded mistake (`bug`) lands here: a PENDING completion status or an unchecked status.
import { head, s, ctxOf, type Ctx } from './cText';

export function emitCallHandlers(c: Ctx, bug: string): void {
  const { out, p, u } = c;
  const H_ = 'NDIS_HANDLE';
  head(c, 'NDIS_STATUS', `${p}MakeCall`, [[H_, 'CallMgrVcContext', '_In_'], ['PCO_CALL_PARAMETERS', 'CallParameters', '_Inout_'], [H_, 'NdisPartyHandle', '_In_opt_', true], ['PNDIS_HANDLE', 'CallMgrPartyContext', '_Out_opt_', true]]);
  ctxOf(c, 'Vc', 'VC');
  out.line('    NDIS_STATUS Status;');
  out.line('');
  s(c, '    UNREFERENCED_PARAMETER(NdisPartyHandle);');
  s(c, '    if (CallMgrPartyContext != NULL) {');
  s(c, '        *CallMgrPartyContext = NULL;');
  out.line('    }');
  s(c, `    ${u}_LOCK(Vc);`);
  s(c, `    if (Vc->State != ${u}_STATE_IDLE) {`);
  s(c, `        ${u}_UNLOCK(Vc);`);
  s(c, '        return NDIS_STATUS_NOT_ACCEPTED;');
  out.line('    }');
  s(c, `    Vc->State = ${u}_STATE_CALLING;`);
  s(c, '    Vc->CallParameters = CallParameters;');
  s(c, `    ${u}_UNLOCK(Vc);`);
  out.line('');
  out.call('    ', 'NdisCmActivateVc', ['Vc->NdisVcHandle', 'CallParameters'], 'Status = ');
  s(c, '    if (Status != NDIS_STATUS_PENDING) {');
  out.call('        ', `${p}ActivateVcComplete`, ['Status', 'Vc', 'CallParameters']);
  out.line('    }');
  s(c, '    return NDIS_STATUS_PENDING;');
  out.line('}');
  out.line('');

  head(c, 'VOID', `${p}ActivateVcComplete`, [['NDIS_STATUS', 'Status', '_In_'], [H_, 'CallMgrVcContext', '_In_'], ['PCO_CALL_PARAMETERS', 'CallParameters', '_In_']]);
  ctxOf(c, 'Vc', 'VC');
  out.line('');
  s(c, `    ${u}_LOCK(Vc);`);
  s(c, '    if (Status == NDIS_STATUS_SUCCESS) {');
  s(c, `        Vc->Flags |= ${u}_FLAG_ACTIVE;`);
  s(c, `        Vc->State = ${u}_STATE_CONNECTED;`);
  out.line('    } else {');
  s(c, `        Vc->State = ${u}_STATE_IDLE;`);
  out.line('    }');
  s(c, `    ${u}_UNLOCK(Vc);`);
  out.call('    ', 'NdisCmMakeCallComplete', ['Status', 'Vc->NdisVcHandle', 'NULL', 'NULL', 'CallParameters']);
  out.line('}');
  out.line('');

  head(c, 'NDIS_STATUS', `${p}CloseCall`, [[H_, 'CallMgrVcContext', '_In_'], [H_, 'CallMgrPartyContext', '_In_opt_', true], ['PVOID', 'CloseData', '_In_opt_', true], ['UINT', 'Size', '_In_opt_', true]]);
  ctxOf(c, 'Vc', 'VC');
  if (bug !== 'unchecked') out.line('    NDIS_STATUS Status;');
  out.line('');
  for (const x of ['CallMgrPartyContext', 'CloseData', 'Size']) s(c, `    UNREFERENCED_PARAMETER(${x});`);
  s(c, `    ${u}_LOCK(Vc);`);
  s(c, '    switch (Vc->State) {');
  s(c, `    case ${u}_STATE_CONNECTED:`);
  s(c, `        Vc->State = ${u}_STATE_CLOSING;`);
  s(c, `        Vc->Flags |= ${u}_FLAG_CLOSING;`);
  s(c, '        break;');
  s(c, `    case ${u}_STATE_CALLING:`);
  s(c, `    case ${u}_STATE_CLOSING:`);
  s(c, `        ${u}_UNLOCK(Vc);`);
  s(c, '        return NDIS_STATUS_CLOSING;');
  s(c, '    default:');
  s(c, `        ${u}_UNLOCK(Vc);`);
  s(c, '        return NDIS_STATUS_SUCCESS;');
  out.line('    }');
  s(c, `    ${u}_UNLOCK(Vc);`);
  out.line('');
  if (bug === 'unchecked') {
    out.call('    ', 'NdisCmDeactivateVc', ['Vc->NdisVcHandle']);
    s(c, '    return NDIS_STATUS_PENDING;');
  } else {
    out.call('    ', 'NdisCmDeactivateVc', ['Vc->NdisVcHandle'], 'Status = ');
    s(c, '    if (Status != NDIS_STATUS_PENDING) {');
    out.call('        ', `${p}DeactivateVcComplete`, ['Status', 'Vc']);
    out.line('    }');
    s(c, '    return NDIS_STATUS_PENDING;');
  }
  out.line('}');
  out.line('');

  head(c, 'VOID', `${p}DeactivateVcComplete`, [['NDIS_STATUS', 'Status', '_In_'], [H_, 'CallMgrVcContext', '_In_']]);
  ctxOf(c, 'Vc', 'VC');
  out.line('');
  s(c, `    ${u}_LOCK(Vc);`);
  s(c, `    Vc->Flags &= ~${u}_FLAG_ACTIVE;`);
  s(c, `    Vc->State = ${u}_STATE_IDLE;`);
  s(c, `    ${u}_UNLOCK(Vc);`);
  s(c, `    if (${u}_HAS(Vc, ${u}_FLAG_CLOSING)) {`);
  s(c, `        Vc->Flags &= ~${u}_FLAG_CLOSING;`);
  out.call('        ', 'NdisCmCloseCallComplete', [bug === 'pending' ? 'NDIS_STATUS_PENDING' : 'Status', 'Vc->NdisVcHandle', 'NULL']);
  // Every unit takes incoming calls (emitIncoming): it created those VCs itself, so it deletes them after their close.
  s(c, `        if (${u}_HAS(Vc, ${u}_FLAG_INCOMING)) {`);
  s(c, '            /* This call manager created the VC for an incoming call: delete it now that the call is closed. */');
  s(c, `            Vc->Flags &= ~${u}_FLAG_INCOMING;`);
  s(c, '            if (NdisCoDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) {');
  s(c, '                Vc->NdisVcHandle = NULL;');
  out.line('            }');
  out.line('        }');
  out.line('    }');
  out.line('}');
  out.line('');

  head(c, 'VOID', `${p}IncomingCallComplete`, [['NDIS_STATUS', 'Status', '_In_'], [H_, 'CallMgrVcContext', '_In_'], ['PCO_CALL_PARAMETERS', 'CallParameters', '_In_']]);
  ctxOf(c, 'Vc', 'VC');
  out.line('');
  s(c, '    UNREFERENCED_PARAMETER(CallParameters);');
  s(c, '    if (Status != NDIS_STATUS_SUCCESS) {');
  s(c, `        Vc->State = ${u}_STATE_IDLE;`);
  s(c, '        return;');
  out.line('    }');
  s(c, `    Vc->Flags |= ${u}_FLAG_ACTIVE;`);
  out.call('    ', 'NdisCmDispatchCallConnected', ['Vc->NdisVcHandle']);
  out.line('}');
  out.line('');

  head(c, 'NDIS_STATUS', `${p}AddParty`, [[H_, 'CallMgrVcContext', '_In_'], ['PCO_CALL_PARAMETERS', 'CallParameters', '_Inout_'], [H_, 'NdisPartyHandle', '_In_'], ['PNDIS_HANDLE', 'CallMgrPartyContext', '_Out_']]);
  s(c, '    UNREFERENCED_PARAMETER(CallMgrVcContext);');
  s(c, '    UNREFERENCED_PARAMETER(CallParameters);');
  s(c, '    *CallMgrPartyContext = NdisPartyHandle;');
  s(c, '    return NDIS_STATUS_SUCCESS;');
  out.line('}');
  out.line('');
  head(c, 'NDIS_STATUS', `${p}DropParty`, [[H_, 'CallMgrPartyContext', '_In_'], ['PVOID', 'CloseData', '_In_opt_', true], ['UINT', 'Size', '_In_opt_', true]]);
  for (const x of ['CallMgrPartyContext', 'CloseData', 'Size']) s(c, `    UNREFERENCED_PARAMETER(${x});`);
  s(c, '    return NDIS_STATUS_SUCCESS;');
  out.line('}');
  out.line('');
  head(c, 'NDIS_STATUS', `${p}ModifyQoS`, [[H_, 'CallMgrVcContext', '_In_'], ['PCO_CALL_PARAMETERS', 'CallParameters', '_In_']]);
  ctxOf(c, 'Vc', 'VC');
  out.line('');
  s(c, '    /* QoS changes are accepted as they come: complete at once, and say so by returning PENDING. */');
  out.call('    ', 'NdisCmModifyCallQoSComplete', ['NDIS_STATUS_SUCCESS', 'Vc->NdisVcHandle', 'CallParameters']);
  s(c, '    return NDIS_STATUS_PENDING;');
  out.line('}');
  out.line('');
}

export function emitOidHandlers(c: Ctx): void {
  const { out, p } = c;
  const H_ = 'NDIS_HANDLE';
  head(c, 'NDIS_STATUS', `${p}OidRequest`, [[H_, 'ProtocolAfContext', '_In_'], [H_, 'ProtocolVcContext', '_In_opt_'], [H_, 'ProtocolPartyContext', '_In_opt_'], ['PNDIS_OID_REQUEST', 'OidRequest', '_Inout_']]);
  for (const x of ['ProtocolAfContext', 'ProtocolVcContext', 'ProtocolPartyContext', 'OidRequest']) s(c, `    UNREFERENCED_PARAMETER(${x});`);
  s(c, '    return NDIS_STATUS_NOT_SUPPORTED;');
  out.line('}');
  out.line('');
  head(c, 'VOID', `${p}OidRequestComplete`, [[H_, 'ProtocolAfContext', '_In_opt_'], [H_, 'ProtocolVcContext', '_In_opt_'], [H_, 'ProtocolPartyContext', '_In_opt_'], ['PNDIS_OID_REQUEST', 'OidRequest', '_In_'], ['NDIS_STATUS', 'Status', '_In_']]);
  for (const x of ['ProtocolAfContext', 'ProtocolVcContext', 'ProtocolPartyContext', 'OidRequest', 'Status']) s(c, `    UNREFERENCED_PARAMETER(${x});`);
  out.line('}');
  out.line('');
  head(c, 'VOID', `${p}NotifyCloseAfComplete`, [[H_, 'CallMgrAfContext', '_In_'], ['NDIS_STATUS', 'Status', '_In_']]);
  s(c, '    UNREFERENCED_PARAMETER(CallMgrAfContext);');
  s(c, '    UNREFERENCED_PARAMETER(Status);');
  out.line('}');
  out.line('');
}

export function emitRequestHandlers(c: Ctx): void {
  const { out, p } = c;
  const H_ = 'NDIS_HANDLE';
  head(c, 'NDIS_STATUS', `${p}Request`, [[H_, 'ProtocolAfContext', '_In_'], [H_, 'ProtocolVcContext', '_In_opt_', true], [H_, 'ProtocolPartyContext', '_In_opt_', true], ['PNDIS_REQUEST', 'NdisRequest', '_Inout_']]);
  for (const x of ['ProtocolAfContext', 'ProtocolVcContext', 'ProtocolPartyContext', 'NdisRequest']) s(c, `    UNREFERENCED_PARAMETER(${x});`);
  s(c, '    return NDIS_STATUS_NOT_SUPPORTED;');
  out.line('}');
  out.line('');
  head(c, 'VOID', `${p}RequestComplete`, [['NDIS_STATUS', 'Status', '_In_'], [H_, 'ProtocolAfContext', '_In_opt_', true], [H_, 'ProtocolVcContext', '_In_opt_', true], [H_, 'ProtocolPartyContext', '_In_opt_', true], ['PNDIS_REQUEST', 'NdisRequest', '_In_']]);
  for (const x of ['Status', 'ProtocolAfContext', 'ProtocolVcContext', 'ProtocolPartyContext', 'NdisRequest']) s(c, `    UNREFERENCED_PARAMETER(${x});`);
  out.line('}');
  out.line('');
}
