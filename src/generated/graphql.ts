/* eslint-disable */
import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { AssignmentModel, CollateralModel, VehicleModel, LicensePlateModel, VehiclePropertyModel, AssignmentPageModel, UpdateAssignmentSuccessModel } from '../domain/assignment/model';
import { PageInfoModel } from '../domain/page';
import { FieldErrorModel, NotFoundErrorModel, ValidationErrorModel, ProviderErrorModel } from '../domain/errors';
import { GraphQLContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date without time or zone, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** An instant in time, RFC 3339 with a zone (UTC on output), e.g. `2026-03-10T18:27:04.000Z`. */
  DateTime: { input: string; output: string; }
  /**
   * An exact decimal number carried as a string, e.g. `"27110.55"`. Used for money amounts so
   * no client or server ever does float arithmetic on them. Input accepts a decimal string or an
   * integer; never a float.
   */
  Decimal: { input: string; output: string; }
  federation__FieldSet: { input: unknown; output: unknown; }
  link__Import: { input: unknown; output: unknown; }
};

/** A repossession assignment (an order) at RecoveryConnect. */
export type Assignment = {
  __typename?: 'Assignment';
  acceptedDate?: Maybe<Scalars['DateTime']['output']>;
  assignmentSituation?: Maybe<Scalars['String']['output']>;
  clientAccountNumber?: Maybe<Scalars['String']['output']>;
  clientId?: Maybe<Scalars['ID']['output']>;
  /** Every collateral of the assignment; the primary one carries the full vehicle history. */
  collaterals: Array<Collateral>;
  collectorId?: Maybe<Scalars['ID']['output']>;
  companyOrderNumber?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  isLatestCase?: Maybe<Scalars['Boolean']['output']>;
  isLender?: Maybe<Scalars['Boolean']['output']>;
  isViolent?: Maybe<Scalars['Boolean']['output']>;
  lienAccountNumber?: Maybe<Scalars['String']['output']>;
  lienholderId?: Maybe<Scalars['ID']['output']>;
  note?: Maybe<Scalars['String']['output']>;
  orderType?: Maybe<Scalars['Int']['output']>;
  ownerId?: Maybe<Scalars['ID']['output']>;
  parentCaseId?: Maybe<Scalars['ID']['output']>;
  parentId?: Maybe<Scalars['ID']['output']>;
  primaryCollateral?: Maybe<Collateral>;
  reason?: Maybe<Scalars['String']['output']>;
  recoverySituation?: Maybe<Scalars['String']['output']>;
  /** How many times the case was reopened (the provider's `reopen_num`). */
  reopenCount?: Maybe<Scalars['Int']['output']>;
  /** The assignment's status code, when the provider sends one. */
  status?: Maybe<Scalars['Int']['output']>;
  statusDate?: Maybe<Scalars['DateTime']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type AssignmentFilter = {
  /** The client's account number. */
  accountNumber?: InputMaybe<Scalars['String']['input']>;
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** At most 250 ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Scalars['Int']['input']>;
};

export type AssignmentPage = {
  __typename?: 'AssignmentPage';
  items: Array<Assignment>;
  pageInfo: PageInfo;
};

/** What secures the loan: here always a vehicle. Placeholders such as "No Data" read as null. */
export type Collateral = {
  __typename?: 'Collateral';
  additionalInfo?: Maybe<Scalars['String']['output']>;
  chargeoffDate?: Maybe<Scalars['Date']['output']>;
  contractDate?: Maybe<Scalars['Date']['output']>;
  delinquentSince?: Maybe<Scalars['Date']['output']>;
  displayName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  isDamaged?: Maybe<Scalars['Boolean']['output']>;
  isPrimary?: Maybe<Scalars['Boolean']['output']>;
  originalLoanAmount?: Maybe<Scalars['Decimal']['output']>;
  pastDueAmount?: Maybe<Scalars['Decimal']['output']>;
  paymentAmount?: Maybe<Scalars['Decimal']['output']>;
  status?: Maybe<Scalars['Int']['output']>;
  statusDate?: Maybe<Scalars['DateTime']['output']>;
  unpaidBalance?: Maybe<Scalars['Decimal']['output']>;
  vehicle?: Maybe<Vehicle>;
};

/** One problem with one input field. */
export type FieldError = {
  __typename?: 'FieldError';
  /** Machine-readable reason, e.g. `NULL_NOT_ALLOWED`, `EMPTY_INPUT`, `OUT_OF_RANGE`. */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** Path of the field in the operation's arguments, e.g. `["input", "statusNote"]`. */
  path: Array<Scalars['String']['output']>;
};

export type LicensePlate = {
  __typename?: 'LicensePlate';
  expiresOn?: Maybe<Scalars['Date']['output']>;
  number?: Maybe<Scalars['String']['output']>;
  state?: Maybe<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  updateAssignment: UpdateAssignmentResult;
};


export type MutationUpdateAssignmentArgs = {
  id: Scalars['ID']['input'];
  input: UpdateAssignmentInput;
};

/** The thing asked for does not exist at the provider. */
export type NotFoundError = ResultError & {
  __typename?: 'NotFoundError';
  id: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  /** The kind of thing, e.g. `Assignment`. */
  resource: Scalars['String']['output'];
};

/** Where a page of a list is, and whether there is more. */
export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  lastPage: Scalars['Int']['output'];
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** The outside system a `ProviderError` comes from. */
export type Provider =
  | 'CDC'
  | 'DEBT_COLLECTION'
  | 'RECOVERY_CONNECT';

/**
 * The provider failed or could not be reached. When `retryable` is true the same request may
 * be sent again, after `retryAfterSeconds` when it is given.
 */
export type ProviderError = ResultError & {
  __typename?: 'ProviderError';
  message: Scalars['String']['output'];
  provider: Provider;
  /** The provider's own error code or HTTP status, when it sent one. */
  providerCode?: Maybe<Scalars['String']['output']>;
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
  retryable: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One assignment; null when it does not exist. */
  assignment?: Maybe<Assignment>;
  /** A page of assignments. `perPage` is 1 to 250; more is an error, not a silent cap. Null means the default. */
  assignments: AssignmentPage;
};


export type QueryAssignmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAssignmentsArgs = {
  filter?: InputMaybe<AssignmentFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
};

/** What every error returned as data has: a message a person can read. */
export type ResultError = {
  message: Scalars['String']['output'];
};

/**
 * A partial update: only the fields present are changed. A field cannot be cleared, so an
 * explicit null is rejected, and so is an empty input.
 */
export type UpdateAssignmentInput = {
  collectorId?: InputMaybe<Scalars['ID']['input']>;
  orderType?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Scalars['Int']['input']>;
  /** At most 1000 characters. */
  statusNote?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateAssignmentResult = NotFoundError | ProviderError | UpdateAssignmentSuccess | ValidationError;

export type UpdateAssignmentSuccess = {
  __typename?: 'UpdateAssignmentSuccess';
  assignment: Assignment;
};

/** The input was rejected; nothing was sent to the provider unless the provider itself rejected it. */
export type ValidationError = ResultError & {
  __typename?: 'ValidationError';
  fieldErrors: Array<FieldError>;
  message: Scalars['String']['output'];
};

/**
 * A vehicle. Each property's current value is the latest non-empty entry of its history, else
 * the provider's snapshot; placeholders (`""`, `"-undefined"`, `"No Data"`) are null.
 */
export type Vehicle = {
  __typename?: 'Vehicle';
  bodyType?: Maybe<Scalars['String']['output']>;
  color?: Maybe<Scalars['String']['output']>;
  driveTrain?: Maybe<Scalars['String']['output']>;
  engine?: Maybe<Scalars['String']['output']>;
  fuelType?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  keyCode?: Maybe<Scalars['String']['output']>;
  licensePlate?: Maybe<LicensePlate>;
  make?: Maybe<Scalars['String']['output']>;
  model?: Maybe<Scalars['String']['output']>;
  /** Recorded property values, oldest first. Empty entries are left out unless asked for. */
  propertyHistory: Array<VehicleProperty>;
  sellingDealer?: Maybe<Scalars['String']['output']>;
  trim?: Maybe<Scalars['String']['output']>;
  vin?: Maybe<Scalars['String']['output']>;
  year?: Maybe<Scalars['Int']['output']>;
};


/**
 * A vehicle. Each property's current value is the latest non-empty entry of its history, else
 * the provider's snapshot; placeholders (`""`, `"-undefined"`, `"No Data"`) are null.
 */
export type VehiclePropertyHistoryArgs = {
  includeEmpty?: Scalars['Boolean']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

/** One recorded value of a vehicle property. */
export type VehicleProperty = {
  __typename?: 'VehicleProperty';
  name: Scalars['String']['output'];
  recordedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the value came from, e.g. `Purchase` or `User Input`. */
  source?: Maybe<Scalars['String']['output']>;
  /** Null when the entry was empty or a placeholder. */
  value?: Maybe<Scalars['String']['output']>;
};

export type Link__Purpose =
  | 'EXECUTION'
  | 'SECURITY';



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Assignment: Assignment;
  Vehicle: Vehicle;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Assignment:
    ( { __typename: 'Assignment' }
    & GraphQLRecursivePick<FederationTypes['Assignment'], {"id":true}> );
  Vehicle:
    ( { __typename: 'Vehicle' }
    & GraphQLRecursivePick<FederationTypes['Vehicle'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  UpdateAssignmentResult:
    | ( NotFoundErrorModel )
    | ( ProviderErrorModel )
    | ( UpdateAssignmentSuccessModel )
    | ( ValidationErrorModel )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  ResultError:
    | ( NotFoundErrorModel )
    | ( ProviderErrorModel )
    | ( ValidationErrorModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Assignment: ResolverTypeWrapper<AssignmentModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AssignmentFilter: AssignmentFilter;
  AssignmentPage: ResolverTypeWrapper<AssignmentPageModel>;
  Collateral: ResolverTypeWrapper<CollateralModel>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  FieldError: ResolverTypeWrapper<FieldErrorModel>;
  LicensePlate: ResolverTypeWrapper<LicensePlateModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NotFoundError: ResolverTypeWrapper<NotFoundErrorModel>;
  PageInfo: ResolverTypeWrapper<PageInfoModel>;
  Provider: Provider;
  ProviderError: ResolverTypeWrapper<ProviderErrorModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ResultError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['ResultError']>;
  UpdateAssignmentInput: UpdateAssignmentInput;
  UpdateAssignmentResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['UpdateAssignmentResult']>;
  UpdateAssignmentSuccess: ResolverTypeWrapper<UpdateAssignmentSuccessModel>;
  ValidationError: ResolverTypeWrapper<ValidationErrorModel>;
  Vehicle: ResolverTypeWrapper<VehicleModel>;
  VehicleProperty: ResolverTypeWrapper<VehiclePropertyModel>;
  federation__FieldSet: ResolverTypeWrapper<Scalars['federation__FieldSet']['output']>;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  link__Purpose: Link__Purpose;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Assignment: AssignmentModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  AssignmentFilter: AssignmentFilter;
  AssignmentPage: AssignmentPageModel;
  Collateral: CollateralModel;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  FieldError: FieldErrorModel;
  LicensePlate: LicensePlateModel;
  Mutation: Record<PropertyKey, never>;
  NotFoundError: NotFoundErrorModel;
  PageInfo: PageInfoModel;
  ProviderError: ProviderErrorModel;
  Query: Record<PropertyKey, never>;
  ResultError: ResolversInterfaceTypes<ResolversParentTypes>['ResultError'];
  UpdateAssignmentInput: UpdateAssignmentInput;
  UpdateAssignmentResult: ResolversUnionTypes<ResolversParentTypes>['UpdateAssignmentResult'];
  UpdateAssignmentSuccess: UpdateAssignmentSuccessModel;
  ValidationError: ValidationErrorModel;
  Vehicle: VehicleModel;
  VehicleProperty: VehiclePropertyModel;
  federation__FieldSet: Scalars['federation__FieldSet']['output'];
  link__Import: Scalars['link__Import']['output'];
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
};

export type LinkDirectiveArgs = {
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AssignmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Assignment'] = ResolversParentTypes['Assignment'], FederationReferenceType extends FederationReferenceTypes['Assignment'] = FederationReferenceTypes['Assignment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Assignment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acceptedDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  assignmentSituation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientAccountNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  collaterals?: Resolver<Array<ResolversTypes['Collateral']>, ParentType, ContextType>;
  collectorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  companyOrderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isLatestCase?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isLender?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isViolent?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  lienAccountNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lienholderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orderType?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ownerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  parentCaseId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  primaryCollateral?: Resolver<Maybe<ResolversTypes['Collateral']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recoverySituation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reopenCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  statusDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type AssignmentPageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AssignmentPage'] = ResolversParentTypes['AssignmentPage']> = {
  items?: Resolver<Array<ResolversTypes['Assignment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CollateralResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Collateral'] = ResolversParentTypes['Collateral']> = {
  additionalInfo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  chargeoffDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  contractDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  delinquentSince?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDamaged?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isPrimary?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  originalLoanAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  pastDueAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  paymentAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  statusDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  unpaidBalance?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type FieldErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FieldError'] = ResolversParentTypes['FieldError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type LicensePlateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LicensePlate'] = ResolversParentTypes['LicensePlate']> = {
  expiresOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  updateAssignment?: Resolver<ResolversTypes['UpdateAssignmentResult'], ParentType, ContextType, RequireFields<MutationUpdateAssignmentArgs, 'id' | 'input'>>;
};

export type NotFoundErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotFoundError'] = ResolversParentTypes['NotFoundError']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastPage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  page?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  perPage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProviderErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProviderError'] = ResolversParentTypes['ProviderError']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  providerCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  retryable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  assignment?: Resolver<Maybe<ResolversTypes['Assignment']>, ParentType, ContextType, RequireFields<QueryAssignmentArgs, 'id'>>;
  assignments?: Resolver<ResolversTypes['AssignmentPage'], ParentType, ContextType, RequireFields<QueryAssignmentsArgs, 'page' | 'perPage'>>;
};

export type ResultErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ResultError'] = ResolversParentTypes['ResultError']> = {
  __resolveType: TypeResolveFn<'NotFoundError' | 'ProviderError' | 'ValidationError', ParentType, ContextType>;
};

export type UpdateAssignmentResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpdateAssignmentResult'] = ResolversParentTypes['UpdateAssignmentResult']> = {
  __resolveType: TypeResolveFn<'NotFoundError' | 'ProviderError' | 'UpdateAssignmentSuccess' | 'ValidationError', ParentType, ContextType>;
};

export type UpdateAssignmentSuccessResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpdateAssignmentSuccess'] = ResolversParentTypes['UpdateAssignmentSuccess']> = {
  assignment?: Resolver<ResolversTypes['Assignment'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ValidationErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ValidationError'] = ResolversParentTypes['ValidationError']> = {
  fieldErrors?: Resolver<Array<ResolversTypes['FieldError']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type VehicleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Vehicle'] = ResolversParentTypes['Vehicle'], FederationReferenceType extends FederationReferenceTypes['Vehicle'] = FederationReferenceTypes['Vehicle']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Vehicle']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bodyType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  color?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  driveTrain?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  engine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fuelType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keyCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  licensePlate?: Resolver<Maybe<ResolversTypes['LicensePlate']>, ParentType, ContextType>;
  make?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  propertyHistory?: Resolver<Array<ResolversTypes['VehicleProperty']>, ParentType, ContextType, RequireFields<VehiclePropertyHistoryArgs, 'includeEmpty'>>;
  sellingDealer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  trim?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  vin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type VehiclePropertyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VehicleProperty'] = ResolversParentTypes['VehicleProperty']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface Federation__FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__FieldSet'], any> {
  name: 'federation__FieldSet';
}

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = GraphQLContext> = {
  Assignment?: AssignmentResolvers<ContextType>;
  AssignmentPage?: AssignmentPageResolvers<ContextType>;
  Collateral?: CollateralResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  FieldError?: FieldErrorResolvers<ContextType>;
  LicensePlate?: LicensePlateResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NotFoundError?: NotFoundErrorResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProviderError?: ProviderErrorResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ResultError?: ResultErrorResolvers<ContextType>;
  UpdateAssignmentResult?: UpdateAssignmentResultResolvers<ContextType>;
  UpdateAssignmentSuccess?: UpdateAssignmentSuccessResolvers<ContextType>;
  ValidationError?: ValidationErrorResolvers<ContextType>;
  Vehicle?: VehicleResolvers<ContextType>;
  VehicleProperty?: VehiclePropertyResolvers<ContextType>;
  federation__FieldSet?: GraphQLScalarType;
  link__Import?: GraphQLScalarType;
};

export type DirectiveResolvers<ContextType = GraphQLContext> = {
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
