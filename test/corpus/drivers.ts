// The corpus's drivers: one folder each under test/corpus/ (a tree may hold several drivers of different kinds).
import type { Driver } from './corpusKit';

export const DRIVERS: Driver[] = [
  { dir: 'ndis5-cm', about: 'NDIS 5.1 stand-alone call manager: IN/OUT, NDIS_CALL_MANAGER_CHARACTERISTICS, NdisCmRegisterAddressFamily, CO_REQUEST_HANDLER, NDIS 5 work item' },
  { dir: 'ndis5-mcm', about: 'NDIS 5.0 miniport call manager: NdisMCmRegisterAddressFamily, NdisMCm* completions from a miniport timer, goto ladder' },
  { dir: 'ndis5-client', about: 'NDIS 5.0 client: NdisClOpenAddressFamily with NDIS_CLIENT_CHARACTERISTICS, goto cleanup, owner flag' },
  { dir: 'ndis6-cm', about: 'NDIS 6 stand-alone multipoint call manager: role types, NdisSetOptionalHandlers, NdisCmRegisterAddressFamilyEx, SEH, IO work item in another file' },
  { dir: 'ndis6-client', about: 'NDIS 6 client: NDIS_CO_CLIENT_OPTIONAL_HANDLERS, NdisClOpenAddressFamilyEx, notify-close-AF completion, do/while(FALSE) exit' },
  { dir: 'ndis6-mcm', configs: [[], ['NDIS_SUPPORT_NDIS6=1']], about: 'NDIS 6 miniport call manager with incoming calls: NdisMCmRegisterAddressFamilyEx, #if NDIS_SUPPORT_NDIS6 arms, completion macro, completions from a timer in another file' },
  { dir: 'tree', drivers: 2, about: 'two NDIS 6 drivers in one tree: a miniport call manager (mcm/) beside a client (client/), sharing inc/wan.h' },
];
