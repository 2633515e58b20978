// Shared test setup. jsdom lacks ResizeObserver, which Fluent UI uses.
const g = globalThis as any;
if (typeof g.window !== "undefined" && !g.ResizeObserver) {
  g.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// jsdom lacks TextEncoder/TextDecoder (every browser has them; docx packs the report with them).
if (typeof g.window !== "undefined" && !g.TextEncoder) {
  const util = require("util");
  g.TextEncoder = util.TextEncoder;
  g.TextDecoder = util.TextDecoder;
}

// jsdom's Blob lacks arrayBuffer() (every browser has it): read through its FileReader.
if (typeof g.window !== "undefined" && typeof Blob !== "undefined" && !Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result as ArrayBuffer);
      r.onerror = () => reject(r.error);
      r.readAsArrayBuffer(this);
    });
  };
}
