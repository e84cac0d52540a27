/**
 * The dev entry, `npm start` (`node dist/dev.js`) and `npm run dev` (through tsx): the service, with
 * the provider simulators embedded for every provider whose URL is not set. In production the
 * configuration refuses that, so this entry then serves the configured providers only.
 */
import { runService } from '../../src/server/service';
import { startEmbeddedProviders } from './embedded';

runService(startEmbeddedProviders);
