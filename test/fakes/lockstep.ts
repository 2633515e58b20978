/// <reference types="office-js" />
/**
 * Two runtimes on one workbook (the ribbon's function file and the task pane: no shared runtime), their
 * syncs interleaved in a chosen order. Each runtime gets its own `run` over the same fake workbook; a sync
 * waits for its runtime's turn. `lead` syncs of the first runtime go before the second starts, then they
 * alternate; a runtime that has finished gives up its turns.
 */
import { FakeRequestContext, type FakeExcel } from "./fake-excel";

export class Lockstep {
  private turn = 0;
  private lead: number;
  private readonly alive: Set<string>;
  private readonly waiting = new Map<string, () => void>();

  constructor(
    private readonly order: readonly string[],
    lead = 0,
  ) {
    this.alive = new Set(order);
    this.lead = lead;
  }

  private current(): string {
    return this.order[this.turn % this.order.length];
  }

  private pass(): void {
    if (this.lead > 0 && this.current() === this.order[0]) {
      this.lead--;
      if (this.lead > 0) return;
    }
    for (let i = 0; i < this.order.length; i++) {
      this.turn++;
      if (this.alive.has(this.current())) break;
    }
    const next = this.current();
    const wake = this.waiting.get(next);
    if (wake) {
      this.waiting.delete(next);
      wake();
    }
  }

  /** Resolves when `name` may sync. */
  before(name: string): Promise<void> {
    if (this.alive.size <= 1 || this.current() === name) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(name, resolve));
  }

  after(name: string): void {
    if (this.current() === name) this.pass();
  }

  /** `name` will not sync again. */
  done(name: string): void {
    this.alive.delete(name);
    if (this.current() === name) this.pass();
    for (const [n, wake] of [...this.waiting]) {
      if (this.alive.size <= 1 || this.current() === n) {
        this.waiting.delete(n);
        wake();
      }
    }
  }

  /** Run `work` as runtime `name`, and mark it done when it settles. */
  async as<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      this.done(name);
    }
  }

  /** An Excel.run for runtime `name` over `fake`'s workbook, its syncs taking turns. */
  run(fake: FakeExcel, name: string) {
    return async <T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const ctx = new FakeRequestContext(fake.model, fake.stats, fake.apiVersion);
      const sync = ctx.sync.bind(ctx);
      ctx.sync = async () => {
        await this.before(name);
        try {
          await sync();
        } finally {
          this.after(name);
        }
      };
      const result = await fn(ctx as unknown as Excel.RequestContext);
      if (ctx.pending) await ctx.sync();
      return result;
    };
  }
}
