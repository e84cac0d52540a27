/**
 * Resolvers shared by every domain: scalars and the typed-error interface.
 */
import { CurrencyResolver, DateResolver, DateTimeResolver, UUIDResolver } from 'graphql-scalars';
import type { Resolvers } from '../src/generated/graphql';
import { DecimalScalar } from '../src/graphql/scalars/decimal';

export const commonResolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Date: DateResolver,
  Decimal: DecimalScalar,
  Currency: CurrencyResolver,
  UUID: UUIDResolver,
  ResultError: {
    // Every error model carries its own type name.
    __resolveType: (error) => error.__typename,
  },
};
