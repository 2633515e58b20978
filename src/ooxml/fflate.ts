/**
 * fflate, the portable DEFLATE, loaded on first use. The CLI inflates and deflates with Node's zlib and
 * needs fflate only for parts over 96 MB (streamed): not loading it saves every run the time to load it
 * (and the worker_threads module it pulls in). In the browser it is the one implementation.
 */
import type * as Fflate from "fflate";

let lib: typeof Fflate | null = null;

export function fflate(): typeof Fflate {
  return (lib ??= require("fflate") as typeof Fflate);
}
