import { GraphQLError, parseValue as parseValueLiteral } from 'graphql';
import { DecimalScalar } from '../../src/graphql/scalars/decimal';

/** The scalar's parseLiteral on the GraphQL literal written in `source`, e.g. `"12.50"` or `12`. */
function literal(source: string): unknown {
  return DecimalScalar.parseLiteral(parseValueLiteral(source), undefined);
}

const REFUSED_STRINGS = ['1e5', ' ', '', '+1', '.5', '1.', '-', '1,000', 'abc', '0x10', 'NaN', 'Infinity', '1.2.3', '- 1', '12 5', '$5'];

describe('Decimal parseValue (variables)', () => {
  it('keeps a canonical decimal string as written', () => {
    expect(DecimalScalar.parseValue('27110.55')).toBe('27110.55');
    expect(DecimalScalar.parseValue('0')).toBe('0');
    expect(DecimalScalar.parseValue('-12.5')).toBe('-12.5');
  });

  it('keeps the fraction as written, trailing zeros included', () => {
    expect(DecimalScalar.parseValue('1.10')).toBe('1.10');
    expect(DecimalScalar.parseValue('12.50')).toBe('12.50');
    expect(DecimalScalar.parseValue('0.000')).toBe('0.000');
  });

  it('drops leading zeros of the integer part', () => {
    expect(DecimalScalar.parseValue('007.50')).toBe('7.50');
    expect(DecimalScalar.parseValue('0012')).toBe('12');
    expect(DecimalScalar.parseValue('00.5')).toBe('0.5');
    expect(DecimalScalar.parseValue('000')).toBe('0');
    expect(DecimalScalar.parseValue('-007.50')).toBe('-7.50');
  });

  it('reads negative zero as zero', () => {
    expect(DecimalScalar.parseValue('-0')).toBe('0');
    expect(DecimalScalar.parseValue('-000')).toBe('0');
    expect(DecimalScalar.parseValue('-0.00')).toBe('0.00');
    expect(DecimalScalar.parseValue('-00.0')).toBe('0.0');
    expect(DecimalScalar.parseValue('-0.01')).toBe('-0.01');
  });

  it('accepts integers', () => {
    expect(DecimalScalar.parseValue(12)).toBe('12');
    expect(DecimalScalar.parseValue(0)).toBe('0');
    expect(DecimalScalar.parseValue(-7)).toBe('-7');
  });

  it('refuses floats with a GraphQLError', () => {
    expect(() => DecimalScalar.parseValue(12.5)).toThrow(GraphQLError);
    expect(() => DecimalScalar.parseValue(0.1 + 0.2)).toThrow(GraphQLError);
  });

  it('refuses integers beyond the safe range, which may already be rounded', () => {
    expect(() => DecimalScalar.parseValue(Number.MAX_SAFE_INTEGER + 1)).toThrow(GraphQLError);
  });

  it('refuses NaN, Infinity, booleans, objects and null', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, true, {}, [], null, undefined]) {
      expect(() => DecimalScalar.parseValue(value)).toThrow(GraphQLError);
    }
  });

  it.each(REFUSED_STRINGS)('refuses the string %j', (value) => {
    expect(() => DecimalScalar.parseValue(value)).toThrow(GraphQLError);
  });

  it('accepts 64 characters and refuses 65', () => {
    const sixtyFour = `1.${'0'.repeat(62)}`;
    expect(sixtyFour).toHaveLength(64);
    expect(DecimalScalar.parseValue(sixtyFour)).toBe(sixtyFour);
    expect(() => DecimalScalar.parseValue(`${sixtyFour}0`)).toThrow(GraphQLError);
    expect(() => DecimalScalar.parseValue('9'.repeat(65))).toThrow(GraphQLError);
  });

  it('refuses a huge string quickly', () => {
    expect(() => DecimalScalar.parseValue('1'.repeat(1_000_000))).toThrow(GraphQLError);
  });
});

describe('Decimal parseLiteral (inline arguments)', () => {
  it('reads a string literal, canonicalised', () => {
    expect(literal('"12.50"')).toBe('12.50');
    expect(literal('"007.50"')).toBe('7.50');
    expect(literal('"-0"')).toBe('0');
  });

  it('reads an integer literal', () => {
    expect(literal('12')).toBe('12');
    expect(literal('-3')).toBe('-3');
    expect(literal('-0')).toBe('0');
  });

  it('refuses a float literal with a GraphQLError', () => {
    expect(() => literal('12.5')).toThrow(GraphQLError);
    expect(() => literal('1e5')).toThrow(GraphQLError);
  });

  it('refuses an integer literal beyond the safe range', () => {
    expect(() => literal('123456789012345678901234567890')).toThrow(GraphQLError);
  });

  it('refuses booleans, null, enums, lists and objects', () => {
    for (const source of ['true', 'null', 'TWELVE', '["1"]', '{amount: "1"}']) {
      expect(() => literal(source)).toThrow(GraphQLError);
    }
  });

  it.each(REFUSED_STRINGS)('refuses the string literal %j', (value) => {
    expect(() => literal(JSON.stringify(value))).toThrow(GraphQLError);
  });

  it('refuses a string literal of 65 characters', () => {
    expect(() => literal(`"${'1'.repeat(65)}"`)).toThrow(GraphQLError);
  });
});

describe('Decimal serialize (answers)', () => {
  it('writes exact decimal strings as they are', () => {
    expect(DecimalScalar.serialize('27110.55')).toBe('27110.55');
    expect(DecimalScalar.serialize('32450.00')).toBe('32450.00');
    expect(DecimalScalar.serialize('0')).toBe('0');
  });

  it('canonicalises leading zeros and negative zero', () => {
    expect(DecimalScalar.serialize('007.50')).toBe('7.50');
    expect(DecimalScalar.serialize('-0')).toBe('0');
  });

  it('writes safe integers', () => {
    expect(DecimalScalar.serialize(1837)).toBe('1837');
  });

  it('refuses values that are not decimals', () => {
    for (const value of ['abc', '1e5', '', 'No Data', 12.5, Number.NaN, null, undefined, true, {}]) {
      expect(() => DecimalScalar.serialize(value)).toThrow(GraphQLError);
    }
  });
});
