// Variants of ndis5-client (NDIS 5.0 CoNDIS client): seeded bugs and neutral refactors.
import { v, type Variant } from '../corpusKit';

const CLOSE = `    Status = NdisClCloseCall(pVc->NdisVcHandle, NULL, NULL, 0);
    if (Status != NDIS_STATUS_PENDING)
    {
        ArpcCloseCallComplete(Status, pVc, NULL);
    }
`;

export const NDIS5_CLIENT: Variant[] = [
  v('arpc-close-after-delete', 'bug', 'the client deletes its VC before closing the call on it',
    'arpcvc.c', CLOSE, `    if (pVc->Flags & ARPC_VC_OWNER)
    {
        (VOID)NdisCoDeleteVc(pVc->NdisVcHandle);
    }
    Status = NdisClCloseCall(pVc->NdisVcHandle, NULL, NULL, 0);
    if (Status != NDIS_STATUS_PENDING)
    {
        ArpcCloseCallComplete(Status, pVc, NULL);
    }
`,
    { rule: 'vc-used-after-delete', at: 'Status = NdisClCloseCall(' }),
  v('arpc-make-call-unchecked', 'bug', 'the status of NdisClMakeCall is ignored',
    'arpcvc.c', `    Status = NdisClMakeCall(pVc->NdisVcHandle, &pVc->CallParams, NULL, NULL);
    if (Status != NDIS_STATUS_PENDING)
    {
        ArpcMakeCallComplete(Status, pVc, NULL, &pVc->CallParams);
    }
`, '    NdisClMakeCall(pVc->NdisVcHandle, &pVc->CallParams, NULL, NULL);\n',
    { rule: 'unchecked-status', at: 'NdisClMakeCall(' }),
  v('arpc-send-after-close', 'bug', 'the client sends on the VC after asking for the close',
    'arpcvc.c', CLOSE, `    Status = NdisClCloseCall(pVc->NdisVcHandle, NULL, NULL, 0);
    NdisCoSendPackets(pVc->NdisVcHandle, NULL, 0);      /* flush the queue */
    if (Status != NDIS_STATUS_PENDING)
    {
        ArpcCloseCallComplete(Status, pVc, NULL);
    }
`,
    { rule: 'vc-used-after-close', at: 'NdisCoSendPackets(' }),
  v('arpc-table-wrong-entry', 'bug', 'the close-AF-complete entry holds the deregister-SAP-complete routine',
    'arpcaf.c', '    ClChars.ClCloseAfCompleteHandler = ArpcCloseAfComplete;', '    ClChars.ClCloseAfCompleteHandler = ArpcDeregisterSapComplete;',
    { rule: 'handler-table-mismatch', at: 'ClChars.ClCloseAfCompleteHandler = ArpcDeregisterSapComplete;' }),

  v('arpc-n-owner-local', 'neutral', 'the owner flag is read into a local by a conditional expression and tested twice',
    'arpcvc.c', `    if (pVc->Flags & ARPC_VC_OWNER)
    {
        if (NdisCoDeleteVc(pVc->NdisVcHandle) == NDIS_STATUS_SUCCESS)
        {
            NdisFreeMemory(pVc, sizeof(ARPC_VC), 0);
        }
    }`, `    BOOLEAN Owner = (pVc->Flags & ARPC_VC_OWNER) ? TRUE : FALSE;

    if (!Owner)
    {
        ARPC_DEBUGP(("ARPCL: call manager's VC %p closed\\n", pVc));
    }
    if (Owner)
    {
        if (NdisCoDeleteVc(pVc->NdisVcHandle) == NDIS_STATUS_SUCCESS)
        {
            NdisFreeMemory(pVc, sizeof(ARPC_VC), 0);
        }
    }`),
];
