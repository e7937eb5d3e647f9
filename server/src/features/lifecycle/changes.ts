// Tells the client when the drivers' lifecycle models change (condis/driverModelChanged): looked at most every
// 300 ms after something that may change them (an edit, the index), and told only when the models differ.
import type { LifecycleModels } from './models';

export const DRIVER_MODEL_CHANGED = 'condis/driverModelChanged';
const QUIET_MS = 300;

export class ModelChanges {
  private timer: NodeJS.Timeout | undefined;
  private last: string | undefined;

  /** `ready`: settles when the diagnostics due have been made (the look waits for them rather than delay them). */
  constructor(
    private readonly models: LifecycleModels, private readonly changed: () => void, private readonly log: (m: string) => void = () => undefined,
    private readonly ready: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Something the models read may have changed: look again once things are quiet. */
  poke(): void {
    if (this.timer) return; // at most one look per QUIET_MS, whatever the rate of changes
    this.timer = setTimeout(() => {
      void this.ready().then(() => {
        this.timer = undefined;
        try { this.look(); } catch (err) { this.log(`Could not compare the driver models: ${err instanceof Error ? err.stack ?? err.message : String(err)}`); }
      });
    }, QUIET_MS);
  }

  /** Compares the models with the last look (by their keys: nothing is serialised); calls `changed` when they differ. */
  look(): void {
    const key = this.models.allKey();
    if (key === this.last) return;
    const first = this.last === undefined;
    this.last = key;
    if (!first || key !== '') this.changed();
  }

  dispose(): void { if (this.timer) clearTimeout(this.timer); }
}
