/**
 * `useArmor`: the query limits, from graphql-armor (depth, aliases, cost, directives, field
 * suggestions) and graphql-js's own parser (tokens). Every rejection is a client error
 * (`GRAPHQL_VALIDATION_FAILED` or `GRAPHQL_PARSE_FAILED`, HTTP 400) decided before anything
 * runs, so a rejected operation never reaches a provider.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationRule } from 'graphql';

/** The limits of one operation. */
export interface QueryLimits {
  /** Nesting of fields; fragments add no depth, as they add none when the operation runs. */
  readonly maxDepth: number;
  /** Aliased fields (`__typename` aliases are free). */
  readonly maxAliases: number;
  /** graphql-armor's cost: 1 a scalar, 2 an object, each level ×1.5; a fragment costs at every spread. */
  readonly maxCost: number;
  /** Lexical tokens of the document; variables are not tokens, so a router's 250 representations are few. */
  readonly maxTokens: number;
  readonly maxDirectives: number;
}

/**
 * graphql-armor's defaults, kept: useful operations are at most 6 fields deep (a case's
 * debtor's other cases with amounts: `debtCase.debtor.cases.debts.openAmount.amount`; deeper
 * only goes round the Debtor ↔ DebtCase cycle), and every field of an assignment, its
 * collaterals and vehicles, as a router asks for them, costs under 500.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 6,
  maxAliases: 15,
  maxCost: 5000,
  maxTokens: 1000,
  maxDirectives: 50,
};

export interface ArmorOptions {
  /**
   * Production: rejections name the limit but not its value, and field suggestions ("Did you
   * mean …?") are left out of every error, so neither the limits nor the schema can be probed.
   */
  readonly hideDetails: boolean;
  readonly limits?: Partial<QueryLimits>;
}

/** What Apollo Server takes from the armor: spread into its constructor options. */
export interface Armor {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  readonly parseOptions: ParseOptions;
  readonly validationOptions: { readonly hideSuggestions: boolean };
}

/** graphql-js's message when `maxLexicalTokens` stops the parser (16.x writes "more that"); it carries the limit. */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] \d+ tokens\. Parsing aborted\.$/;
/** graphql-js's suggestions in messages raised after validation (e.g. variable values). */
const SUGGESTION = / ?Did you mean .+\?$/;

export function useArmor(options: ArmorOptions): Armor {
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  const exposeLimits = !options.hideDetails;
  // `propagateOnRejection` stays at its default: ApolloArmor turns it into "report a validation
  // error"; set to false, a limit would only call `onReject` hooks and refuse nothing.
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, exposeLimits, errorMessage: 'Query depth limit exceeded.' },
    maxAliases: { n: limits.maxAliases, exposeLimits, errorMessage: 'Aliases limit exceeded.' },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, exposeLimits, errorMessage: 'Query cost limit exceeded.' },
    maxDirectives: { n: limits.maxDirectives, exposeLimits, errorMessage: 'Directives limit exceeded.' },
    // Armor's Apollo token plugin parses in `parsingDidStart`, where a throw (any syntax error,
    // not only too many tokens) becomes an HTTP 500; graphql-js's `maxLexicalTokens` gives a 400.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.hideDetails, mask: '' },
  }).protect();

  return {
    // Ours first: it strips a whole suggestion, so armor's mask finds nothing left to blank.
    plugins: [variableErrorLimitIsClientError(), ...(options.hideDetails ? [hideDetailsAfterValidation()] : []), ...armor.plugins],
    validationRules: [knownOperationTypes, ...armor.validationRules],
    parseOptions: { maxLexicalTokens: limits.maxTokens },
    // Validation errors are built without suggestions at all; later errors are masked above.
    validationOptions: { hideSuggestions: options.hideDetails },
  };
}

/** graphql-js stops coercing variables after 50 errors with this error, which carries no code. */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';

/**
 * The client's variables had too many errors: its mistake, so BAD_USER_INPUT like the 50 before
 * it, not an internal error logged at error level (found by the fuzzer).
 */
function variableErrorLimitIsClientError(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.message === VARIABLE_ERROR_LIMIT && error.extensions.code === undefined) error.extensions.code = 'BAD_USER_INPUT';
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * An operation of a type the schema has no root for (`subscription { x }` here) is the client's
 * mistake: refused in validation (HTTP 400), where graphql-js 16 lets it through to fail in
 * execution as an internal error. graphql-js 17 has this rule built in (KnownOperationTypesRule).
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`This schema does not support ${node.operation} operations.`, { nodes: node }));
  },
});

/**
 * The token limit's value, and suggestions that graphql-js adds outside validation (an enum
 * value of a variable: "Did you mean the enum value …?"), which neither validation option nor
 * armor's field-suggestion mask reaches.
 */
function hideDetailsAfterValidation(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (TOKEN_LIMIT_MESSAGE.test(error.message)) error.message = 'Syntax Error: Token limit exceeded.';
            else error.message = error.message.replace(SUGGESTION, '');
          }
          return Promise.resolve();
        },
      });
    },
  };
}
