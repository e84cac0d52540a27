/**
 * `useRequestLogging`: one log line per GraphQL operation with its name, duration and error
 * codes. Variables and results are never logged: they carry VINs, plates and debtor ids.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../context';
import { fixedFieldsLogger, type Logger } from '../../infra/logger';
import { ProviderFailure } from '../../providers/failure';

export function useRequestLogging(options: { readonly logger: Logger }): ApolloServerPlugin<GraphQLContext> {
  // Its fields are these three and only these.
  const operationLog = fixedFieldsLogger(options.logger);
  return {
    requestDidStart() {
      const started = process.hrtime.bigint();
      return Promise.resolve({
        willSendResponse({ operationName, errors }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          // These are the errors before maskErrors formats them: name a provider failure by the
          // code the client receives, not as an internal error.
          const codes = (errors ?? []).map((error) => {
            if (error.originalError instanceof ProviderFailure) return 'PROVIDER_ERROR';
            const code = error.extensions.code;
            return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
          });
          operationLog.info(
            { operationName: operationName ?? null, durationMs: Math.round(durationMs * 10) / 10, errorCodes: codes },
            'graphql operation',
          );
          return Promise.resolve();
        },
      });
    },
  };
}
