// Preloaded (node -r) by manifest.test.ts: any network attempt fails loudly, so "no network call" is tested.
const net = require("node:net");
const dns = require("node:dns");
const block = (what) => () => {
  process.stderr.write(`NETWORK BLOCKED: ${what}\n`);
  process.exit(97);
};
net.connect = net.createConnection = block("net.connect");
net.Socket.prototype.connect = block("socket.connect");
dns.lookup = block("dns.lookup");
dns.promises.lookup = block("dns.promises.lookup");
if (globalThis.fetch) globalThis.fetch = block("fetch");
