/**
 * DataLoader batch sizes: how many keys each batch of a loader carried to its provider. A
 * histogram per loader shows whether batching works (a router's 100 entity references should be
 * one batch of 100, not 100 batches of 1).
 */
import { Histogram } from 'prom-client';
import { METRIC_PREFIX, registry } from './metrics';

const batchSize = new Histogram({
  name: `${METRIC_PREFIX}loader_batch_size`,
  help: 'Keys per DataLoader batch sent to a provider, by loader.',
  labelNames: ['loader'] as const,
  // The providers' limits are 250 ids (RecoveryConnect) and 50 (debt collection).
  buckets: [1, 2, 5, 10, 25, 50, 100, 250],
  registers: [registry],
});

/** The recorder of one loader's batch sizes; make it once (module level), call it per batch. */
export function loaderBatchSize(loader: string): (keys: number) => void {
  const child = batchSize.labels(loader);
  return (keys) => {
    child.observe(keys);
  };
}
