/**
 * The page's Content-Security-Policy forbids eval. zod 4 probes `new Function` for its fast parser; the
 * probe is caught but still reported as a CSP violation. Tell zod not to try (imported first by the
 * browser bundles that carry zod: the pane's lazy chunks and the ribbon commands; never by the CLI,
 * where the fast parser is wanted).
 */
import { config } from "zod";

config({ jitless: true });
