// The `condis/driverModel` request: every driver of the workspace with its kind, evidence, handler tables and
// handlers (how each pendable request ends and where it is completed), for tree views in any editor.
import type { LifecycleModels } from './lifecycle/models';
import { plainModel } from './lifecycle/models';
import type { DriverModelResult } from './lifecycle/types';

export const DRIVER_MODEL_REQUEST = 'condis/driverModel';

export function driverModel(models: LifecycleModels, indexing: boolean): DriverModelResult {
  return { drivers: models.all().map(plainModel), indexing };
}
