// Every driver's variants, by driver folder (see ../README.md for how a variant is written).
import type { Variant } from '../corpusKit';
import { NDIS5_CM } from './ndis5-cm';
import { NDIS5_MCM } from './ndis5-mcm';
import { NDIS5_CLIENT } from './ndis5-client';
import { NDIS6_CM } from './ndis6-cm';
import { NDIS6_CLIENT } from './ndis6-client';
import { NDIS6_MCM } from './ndis6-mcm';
import { TREE } from './tree';

export const VARIANTS = new Map<string, Variant[]>([
  ['ndis5-cm', NDIS5_CM],
  ['ndis5-mcm', NDIS5_MCM],
  ['ndis5-client', NDIS5_CLIENT],
  ['ndis6-cm', NDIS6_CM],
  ['ndis6-client', NDIS6_CLIENT],
  ['ndis6-mcm', NDIS6_MCM],
  ['tree', TREE],
]);
