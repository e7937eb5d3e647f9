// Holds the messages that arrive while the services are still loading and runs them, in arrival order, once they
// have loaded: initialize is answered at once, and no edit is lost or applied out of order. No connection here.

export class StartGate {
  private queue: (() => void)[] | null = [];

  get isOpen(): boolean {
    return this.queue === null;
  }

  /**
   * Runs `fn` now if the gate is open, else when it opens, after everything queued before it. A request handler
   * returns the promise to the connection, which answers when it settles.
   */
  run<R>(fn: () => R): R | Promise<R> {
    if (!this.queue) return fn();
    return new Promise<R>((resolve, reject) => {
      this.queue!.push(() => {
        try {
          resolve(fn());
        } catch (err) {
          reject(err);
        }
      });
    });
  }

  /** Runs the queue in order; later `run` calls run at once. */
  open(): void {
    const queued = this.queue ?? [];
    this.queue = null;
    for (const fn of queued) fn();
  }
}
