/** The release the end-to-end suites run on (built by global-setup.js for http://localhost:PORT/). */
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");
export const RELEASE = path.join(ROOT, "release");
/** The port the release was built for (its manifest's origin). */
export const PORT = Number(process.env.PHULUC_E2E_PORT);
export const ORIGIN = `http://localhost:${PORT}/`;
