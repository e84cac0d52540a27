/**
 * `Decimal`: an exact decimal number carried as a string. Floats are refused on input because
 * a float may already have lost the amount (0.1 + 0.2); integers are exact and accepted.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
/** Long enough for any money amount; bounds the work a hostile input can cause. */
const MAX_LENGTH = 64;

/** Leading zeros of the integer part go (`007.50` → `7.50`); the fraction is kept as written. */
function canonical(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > MAX_LENGTH) return null;
  const unpadded = trimmed.replace(/^(-?)0+(?=\d)/, '$1');
  if (!DECIMAL.test(unpadded)) return null;
  // Negative zero is zero: `-0.00` → `0.00`.
  return /^-0(\.0+)?$/.test(unpadded) ? unpadded.slice(1) : unpadded;
}

function fromInput(value: unknown): string {
  if (typeof value === 'string') {
    const result = canonical(value);
    if (result !== null) return result;
  } else if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return String(value);
  }
  throw new GraphQLError('Decimal must be a decimal string such as "12.50" (or an integer); floats are not accepted.');
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number carried as a string, e.g. "27110.55".',
  specifiedByURL: 'https://en.wikipedia.org/wiki/Decimal_data_type',
  serialize(value) {
    if (typeof value === 'string') {
      const result = canonical(value);
      if (result !== null) return result;
    }
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw new GraphQLError('Decimal cannot represent a non-decimal value.');
  },
  parseValue: fromInput,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return fromInput(ast.value);
    if (ast.kind === Kind.INT) return fromInput(Number(ast.value));
    throw new GraphQLError('Decimal must be a decimal string such as "12.50" (or an integer); floats are not accepted.', {
      nodes: ast,
    });
  },
});
