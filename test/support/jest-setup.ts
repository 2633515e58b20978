// Shared test setup. jsdom lacks ResizeObserver, which Fluent UI uses.
const g = globalThis as any;
if (typeof g.window !== "undefined" && !g.ResizeObserver) {
  g.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
