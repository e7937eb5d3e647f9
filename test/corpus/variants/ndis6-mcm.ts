// Variants of ndis6-mcm (NDIS 6 miniport call manager with incoming calls): seeded bugs and neutral refactors.
import { v, type Variant } from '../corpusKit';

export const NDIS6_MCM: Variant[] = [
  v('ib-close-without-deactivate', 'bug', 'the close handler no longer deactivates the VC (the deactivation was moved out and lost)',
    'ibcall.c', `    Status = NdisMCmDeactivateVc(Vc->NdisVcHandle);
#if NDIS_SUPPORT_NDIS6
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }
#else
    ASSERT(Status == NDIS_STATUS_SUCCESS);
#endif
`, '    Status = NDIS_STATUS_SUCCESS;\n',
    { rule: 'missing-deactivate-vc', at: 'IbCmCloseCall(NDIS_HANDLE CallMgrVcContext' }),
  v('ib-party-handle-for-p2p', 'bug', 'the close completion macro passes the VC context as a party handle on a point-to-point fabric',
    'ib.h', '#define IB_COMPLETE_CLOSE(_Vc, _S)  NdisMCmCloseCallComplete((_S), (_Vc)->NdisVcHandle, NULL)', '#define IB_COMPLETE_CLOSE(_Vc, _S)  NdisMCmCloseCallComplete((_S), (_Vc)->NdisVcHandle, (_Vc))',
    { rule: 'party-handle-mismatch', file: 'ibcall.c', at: 'IB_COMPLETE_CLOSE(Vc, NDIS_STATUS_SUCCESS);' }),
  v('ib-register-af-from-timer', 'bug', 'the link timer (DISPATCH_LEVEL) re-registers the address family after a fabric reset',
    'ibtimer.c', `    while ((Vc = IbNextDisconnected(Adapter)) != NULL) {`, `    if (Adapter->NdisAfHandle == NULL) {
        CO_ADDRESS_FAMILY Af = { CO_ADDRESS_FAMILY_INFINIBAND, 1, 0 };

        if (NdisMCmRegisterAddressFamilyEx(Adapter->MiniportAdapterHandle, &Af) != NDIS_STATUS_SUCCESS) {
            return;
        }
    }
    while ((Vc = IbNextDisconnected(Adapter)) != NULL) {`,
    { rule: 'irql-passive-only', at: 'if (NdisMCmRegisterAddressFamilyEx(' }),

  v('ib-n-retire-inline', 'neutral', 'the timer completes and deletes inline instead of through IbRetireVc',
    'ibtimer.c', '        IbRetireVc(Vc);\n', `        NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
        if ((Vc->Flags & IB_VC_OURS) != 0 && NdisMCmDeleteVc(Vc->NdisVcHandle) == NDIS_STATUS_SUCCESS) {
            NdisFreeMemory(Vc, sizeof(*Vc), 0);
        }
`),
];
