/**
 * The page's Content-Security-Policy forbids eval. zod 4 probes `new Function` for its fast parser; the
 * probe is caught but still reported as a CSP violation. Tell zod not to try (imported first by the
 * lazy chunks that carry zod).
 */
import { config } from "zod";

config({ jitless: true });
