/**
 * The production entry, `node dist/main.js` (the image's CMD): the service on the configured
 * providers. It loads no simulator: a start that lacks a provider URL is refused (the dev entry,
 * tools/dev/main.ts, is the one that embeds simulators).
 */
import { runService } from './service';

runService();
