// Fixtures for the API-spelling, IRQL and handler-table rule tests: registrations that make a workspace a miniport
// call manager or a stand-alone call manager (NDIS 6 and NDIS 5 forms), and a complete CM handler table.
export { CM_REGISTRATION } from './ruleTestKit';

/** An integrated miniport call manager registering its address family from MiniportInitializeEx. */
export const MCM_REGISTRATION = `
NDIS_STATUS
MpInitializeEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE DriverContext, PNDIS_MINIPORT_INIT_PARAMETERS Params)
{
    CO_ADDRESS_FAMILY Af = { CO_ADDRESS_FAMILY_Q2931, 3, 1 };
    NDIS_STATUS Status = NdisMCmRegisterAddressFamilyEx(MiniportAdapterHandle, &Af);
    return Status;
}
`;

/** NDIS 5: a miniport that also fills NDIS_CALL_MANAGER_CHARACTERISTICS is an MCM. */
export const MCM5_REGISTRATION = `
NDIS_STATUS
DriverEntry(IN PDRIVER_OBJECT DriverObject, IN PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_CHARACTERISTICS Mp;
    NDIS_CALL_MANAGER_CHARACTERISTICS Cm;
    NdisZeroMemory(&Mp, sizeof(Mp));
    NdisZeroMemory(&Cm, sizeof(Cm));
    return NDIS_STATUS_SUCCESS;
}
`;

/** Every entry of NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, as a stand-alone call manager must fill it. */
export const CM_FIELDS = [
  'CmCreateVcHandler', 'CmDeleteVcHandler', 'CmOpenAfHandler', 'CmCloseAfHandler', 'CmRegisterSapHandler',
  'CmDeregisterSapHandler', 'CmMakeCallHandler', 'CmCloseCallHandler', 'CmIncomingCallCompleteHandler',
  'CmAddPartyHandler', 'CmDropPartyHandler', 'CmActivateVcCompleteHandler', 'CmDeactivateVcCompleteHandler',
  'CmModifyCallQoSHandler', 'CmOidRequestHandler', 'CmOidRequestCompleteHandler', 'CmNotifyCloseAfCompleteHandler',
];

/** `Cm<Field without Handler>` as the function each entry holds: CmCloseCallHandler -> ExCmCloseCall. */
export const handlerFor = (field: string) => `Ex${field.replace(/Handler$/, '')}`;

/** A designated-initializer table with `fields` (default: all of them). */
export function cmTable(fields: string[] = CM_FIELDS, name = 'ExCmHandlers'): string {
  return `NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS ${name} = {
    .Header = { NDIS_OBJECT_TYPE_PROTOCOL_CO_CHARACTERISTICS, NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1, sizeof(${name}) },
${fields.map((f) => `    .${f} = ${handlerFor(f)},`).join('\n')}
};
`;
}
