/**
 * `useMetrics`: every GraphQL operation counted by name, type and outcome, with its duration
 * (src/observability/operation-metrics.ts). The name is taken only once the operation resolved
 * against the schema, so a stranger's made-up names cannot add series past the bound.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { recordOperation, type OperationOutcome, type OperationType } from '../../infra/observability/operation-metrics';

export function useMetrics(): ApolloServerPlugin {
  return {
    requestDidStart() {
      const started = performance.now();
      let type: OperationType = 'unknown';
      let name: string | null = null;
      let executed = false;
      return Promise.resolve({
        didResolveOperation({ operation, operationName }) {
          type = operation?.operation ?? 'unknown';
          name = operationName;
          return Promise.resolve();
        },
        executionDidStart() {
          executed = true;
          return Promise.resolve();
        },
        willSendResponse({ response, errors }) {
          let outcome: OperationOutcome;
          if (!executed) outcome = 'rejected';
          else if (!errors || errors.length === 0) outcome = 'success';
          else outcome = response.body.kind === 'single' && hasData(response.body.singleResult.data) ? 'partial' : 'error';
          recordOperation(name, type, outcome, (performance.now() - started) / 1000);
          return Promise.resolve();
        },
      });
    },
  };
}

/** True when the result holds at least one non-null root field. */
function hasData(data: Record<string, unknown> | null | undefined): boolean {
  if (!data) return false;
  for (const key in data) if (data[key] !== null) return true;
  return false;
}
