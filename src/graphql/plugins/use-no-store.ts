/**
 * `useNoStore`: every GraphQL answer says `cache-control: no-store`. Answers carry VINs, plates
 * and debtor data, so no shared cache on the way may keep them. Apollo's cache-control plugin
 * said the same for a schema without cache hints (this one has none), at the price of a policy
 * object per resolved field; it is turned off and this one header kept.
 */
import type { ApolloServerPlugin } from '@apollo/server';

export function useNoStore(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
          return Promise.resolve();
        },
      });
    },
  };
}
