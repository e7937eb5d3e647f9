// Execution contexts outside the CoNDIS callbacks that fix the IRQL a function runs at: timer and DPC routines,
// work items, DriverEntry. Facts from the WDK headers' role typedefs; the IRQL rules read them from here.
import type { IrqlLevel } from './types';

export interface ContextType {
  /** The IRQL the system calls such a function at. */
  irql: IrqlLevel;
  /** What it is, for messages: "an NDIS timer function". */
  what: string;
}

/** Role typedefs a driver declares its routines with (`NDIS_TIMER_FUNCTION MyTimer;`). */
export const CONTEXT_TYPES: Readonly<Record<string, ContextType>> = {
  NDIS_TIMER_FUNCTION: { irql: 'DISPATCH_LEVEL', what: 'an NDIS timer function' },
  KDEFERRED_ROUTINE: { irql: 'DISPATCH_LEVEL', what: 'a DPC routine' },
  NDIS_IO_WORKITEM_FUNCTION: { irql: 'PASSIVE_LEVEL', what: 'an NDIS work item' },
  IO_WORKITEM_ROUTINE: { irql: 'PASSIVE_LEVEL', what: 'an I/O work item' },
  DRIVER_INITIALIZE: { irql: 'PASSIVE_LEVEL', what: 'the DriverEntry routine' },
};

/** Calls that register a routine as one of those contexts: which argument is the routine, and its type. */
export const CONTEXT_REGISTRATIONS: Readonly<Record<string, { arg: number; type: string }>> = {
  KeInitializeDpc: { arg: 1, type: 'KDEFERRED_ROUTINE' },
  NdisInitializeTimer: { arg: 1, type: 'NDIS_TIMER_FUNCTION' },
  NdisMInitializeTimer: { arg: 2, type: 'NDIS_TIMER_FUNCTION' },
  NdisQueueIoWorkItem: { arg: 1, type: 'NDIS_IO_WORKITEM_FUNCTION' },
  IoQueueWorkItem: { arg: 1, type: 'IO_WORKITEM_ROUTINE' },
};

/** Structure fields that take such a routine (`NDIS_TIMER_CHARACTERISTICS.TimerFunction`). */
export const CONTEXT_FIELDS: Readonly<Record<string, string>> = {
  TimerFunction: 'NDIS_TIMER_FUNCTION',
};

/** Routines whose name alone fixes the context: the I/O manager calls DriverEntry at PASSIVE_LEVEL. */
export const CONTEXT_BY_NAME: Readonly<Record<string, string>> = {
  DriverEntry: 'DRIVER_INITIALIZE',
};

/** Calls that raise the IRQL to DISPATCH_LEVEL for the rest of the function (spin locks are tracked by the flow). */
export const RAISES_IRQL = new Set(['KeRaiseIrql', 'KfRaiseIrql', 'KeRaiseIrqlToDpcLevel']);

/** Calls that show a function picks its path by the IRQL it finds at run time: the IRQL rules leave it alone. */
export const READS_IRQL = new Set(['KeGetCurrentIrql']);
