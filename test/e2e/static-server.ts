/**
 * A tiny static file server for the release folder, as any web server would serve it: files only, the
 * folder's index.html for a folder's address, the usual media types, nothing cached by HTTP. It listens on
 * the loopback addresses (127.0.0.1, and ::1 where there is one), so http://localhost:PORT works.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".zip": "application/zip",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".css": "text/css",
};

export interface StaticServer {
  /** The base address without a final "/" (http://127.0.0.1:PORT, or http://localhost:PORT when a port was asked for). */
  url: string;
  /** Requests served, in order (path and status), for tests that look at what the browser fetched. */
  log: { path: string; status: number }[];
  close(): Promise<void>;
}

function handler(root: string, log: StaticServer["log"]): http.RequestListener {
  return (req, res) => {
    let pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = path.resolve(root, "." + pathname);
    const ok = file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
    log.push({ path: pathname, status: ok ? 200 : 404 });
    if (!ok) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  };
}

function listen(server: http.Server, port: number, host: string): Promise<number | null> {
  return new Promise((resolve) => {
    server.once("error", () => resolve(null));
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Serves `dir`; with `port`, on that port at localhost (the release's origin), else on a free one at 127.0.0.1. */
export async function serveDir(dir: string, port = 0): Promise<StaticServer> {
  const root = path.resolve(dir);
  const log: StaticServer["log"] = [];
  const v4 = http.createServer(handler(root, log));
  const bound = await listen(v4, port, "127.0.0.1");
  if (bound === null) throw new Error(`static-server: cannot listen on 127.0.0.1:${port}`);
  const servers = [v4];
  if (port) {
    const v6 = http.createServer(handler(root, log));
    if ((await listen(v6, bound, "::1")) !== null) servers.push(v6);
  }
  return {
    url: port ? `http://localhost:${bound}` : `http://127.0.0.1:${bound}`,
    log,
    close: () => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))).then(() => undefined),
  };
}
