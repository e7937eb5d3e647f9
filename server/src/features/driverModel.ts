// The `condis/driverModel` request: every driver of the workspace with its kind, evidence, handler tables and
// handlers (how each pendable request ends and where it is completed), for tree views in any editor.
import type { LifecycleModels } from './lifecycle/models';
import { plainModel } from './lifecycle/models';
import type { DriverModelResult } from './lifecycle/types';

export const DRIVER_MODEL_REQUEST = 'condis/driverModel';

const answered = new WeakMap<LifecycleModels, { key: string; drivers: DriverModelResult['drivers'] }>();

/** The answer is made again only when a model's key changed (an edit that moved no place and changed no fact: the same). */
export function driverModel(models: LifecycleModels, indexing: boolean): DriverModelResult {
  const key = models.allKey();
  const had = answered.get(models);
  if (had?.key === key) return { drivers: had.drivers, indexing };
  // Resolved now (plain copies): the places of open documents are read once, not at each serialisation.
  const drivers = JSON.parse(JSON.stringify(models.all().map(plainModel))) as DriverModelResult['drivers'];
  answered.set(models, { key, drivers });
  return { drivers, indexing };
}
