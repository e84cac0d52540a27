/**
 * The peers' schema: the project's `Assignment` part (same types, fields and scalars; no
 * federation, no `collaterals`, which needs another route), so a peer answers the bench's query
 * exactly as the project does. Resolvers are each peer's own.
 */
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType } from 'graphql';

export const PEER_TYPE_DEFS = /* GraphQL */ `
  scalar DateTime
  scalar Date
  scalar Decimal

  type Query {
    assignment(id: ID!): Assignment
  }

  type Assignment {
    id: ID!
    clientId: ID
    ownerId: ID
    lienholderId: ID
    collectorId: ID
    status: Int
    statusDate: DateTime
    orderType: Int
    acceptedDate: DateTime
    createdAt: DateTime
    updatedAt: DateTime
    expiresAt: DateTime
    companyOrderNumber: String
    clientAccountNumber: String
    lienAccountNumber: String
    isViolent: Boolean
    isLender: Boolean
    isLatestCase: Boolean
    parentId: ID
    parentCaseId: ID
    reopenCount: Int
    assignmentSituation: String
    recoverySituation: String
    note: String
    reason: String
    primaryCollateral: Collateral
  }

  type Collateral {
    id: ID!
    isPrimary: Boolean
    status: Int
    statusDate: DateTime
    contractDate: Date
    delinquentSince: Date
    chargeoffDate: Date
    originalLoanAmount: Decimal
    paymentAmount: Decimal
    pastDueAmount: Decimal
    unpaidBalance: Decimal
    isDamaged: Boolean
    displayName: String
    additionalInfo: String
    vehicle: Vehicle
  }

  type Vehicle {
    id: ID!
    vin: String
    year: Int
    make: String
    model: String
    trim: String
    color: String
    bodyType: String
    engine: String
    driveTrain: String
    fuelType: String
    keyCode: String
    sellingDealer: String
    licensePlate: LicensePlate
    propertyHistory: [VehicleProperty!]!
  }

  type LicensePlate {
    number: String
    state: String
    expiresOn: Date
  }

  type VehicleProperty {
    name: String!
    value: String
    source: String
    recordedAt: DateTime
  }
`;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An exact decimal carried as a string, as the project's `Decimal` is (output only here). */
const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  serialize(value) {
    if (typeof value === 'string' && DECIMAL.test(value)) return value;
    throw new GraphQLError('Decimal cannot represent a non-decimal value.');
  },
});

export const PEER_SCALARS = { DateTime: DateTimeResolver, Date: DateResolver, Decimal: DecimalScalar };
