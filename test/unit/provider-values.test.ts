import {
  calendarDate,
  decimal,
  flag,
  identifier,
  instant,
  integer,
  isPlaceholder,
  isRecord,
  text,
} from '../../src/providers/values';

/** Values that are not text, numbers or booleans: every reader must answer null for them. */
const NON_SCALARS: readonly unknown[] = [undefined, null, {}, [], ['1'], { value: '1' }, () => '1', Symbol('x')];

describe('isPlaceholder', () => {
  it.each(['', '-undefined', 'No Data', ' ', '   ', '\t\n', ' No Data ', ' -undefined '])(
    'treats %j as "no value"',
    (value) => {
      expect(isPlaceholder(value)).toBe(true);
    },
  );

  it('treats null and undefined as "no value"', () => {
    expect(isPlaceholder(null)).toBe(true);
    expect(isPlaceholder(undefined)).toBe(true);
  });

  it.each(['NA', '0', 'No', 'Data', 'None', 'nullable'])('keeps the real value %j', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });

  it('does not treat numbers or booleans as placeholders', () => {
    expect(isPlaceholder(0)).toBe(false);
    expect(isPlaceholder(false)).toBe(false);
  });
});

describe('isRecord', () => {
  it('accepts plain objects only', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('x')).toBe(false);
    expect(isRecord(1)).toBe(false);
  });
});

describe('text', () => {
  it('trims real text', () => {
    expect(text('  Nissan  ')).toBe('Nissan');
    expect(text('NA')).toBe('NA');
  });

  it.each(['', '-undefined', 'No Data', '   ', ' No Data '])('reads the placeholder %j as null', (value) => {
    expect(text(value)).toBeNull();
  });

  it('writes finite numbers out', () => {
    expect(text(232)).toBe('232');
    expect(text(0)).toBe('0');
    expect(text(-1.5)).toBe('-1.5');
  });

  it('reads non-finite numbers as null', () => {
    expect(text(Number.NaN)).toBeNull();
    expect(text(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('reads booleans and non-scalars as null', () => {
    expect(text(true)).toBeNull();
    expect(text(false)).toBeNull();
    for (const value of NON_SCALARS) expect(text(value)).toBeNull();
  });

  it('copes with a very large string', () => {
    const huge = 'x'.repeat(1_000_000);
    expect(text(`  ${huge}  `)).toBe(huge);
  });
});

describe('identifier', () => {
  it('writes safe integers as strings', () => {
    expect(identifier(57074903)).toBe('57074903');
    expect(identifier(0)).toBe('0');
  });

  it('keeps non-empty strings, trimmed', () => {
    expect(identifier('267002')).toBe('267002');
    expect(identifier(' ACC-1 ')).toBe('ACC-1');
  });

  it('refuses fractional and unsafe numbers', () => {
    expect(identifier(1.5)).toBeNull();
    expect(identifier(Number.MAX_SAFE_INTEGER + 1)).toBeNull();
    expect(identifier(Number.NaN)).toBeNull();
  });

  it('reads placeholders, booleans and non-scalars as null', () => {
    expect(identifier('')).toBeNull();
    expect(identifier('-undefined')).toBeNull();
    expect(identifier('No Data')).toBeNull();
    expect(identifier(true)).toBeNull();
    for (const value of NON_SCALARS) expect(identifier(value)).toBeNull();
  });
});

describe('integer', () => {
  it('reads a numeric string as a number', () => {
    expect(integer('2010')).toBe(2010);
    expect(integer(' 2010 ')).toBe(2010);
    expect(integer('-5')).toBe(-5);
    expect(integer('0')).toBe(0);
  });

  it('keeps safe integer numbers', () => {
    expect(integer(5)).toBe(5);
    expect(integer(-3)).toBe(-3);
    expect(integer(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses fractions, as numbers and as strings', () => {
    expect(integer('12.5')).toBeNull();
    expect(integer(12.5)).toBeNull();
  });

  it('refuses integers beyond the safe range', () => {
    expect(integer(Number.MAX_SAFE_INTEGER + 1)).toBeNull();
    expect(integer('9007199254740993')).toBeNull();
    expect(integer('-9007199254740993')).toBeNull();
    expect(integer('1'.repeat(400))).toBeNull();
  });

  it.each(['', ' ', 'abc', '1e3', '+5', '0x10', '1,000', '12abc', 'No Data', '-undefined', '-'])(
    'refuses the string %j',
    (value) => {
      expect(integer(value)).toBeNull();
    },
  );

  it('refuses NaN, Infinity, booleans and non-scalars', () => {
    expect(integer(Number.NaN)).toBeNull();
    expect(integer(Number.POSITIVE_INFINITY)).toBeNull();
    expect(integer(true)).toBeNull();
    for (const value of NON_SCALARS) expect(integer(value)).toBeNull();
  });
});

describe('flag', () => {
  it.each([1, '1', ' 1', true, 'true', 'TRUE', ' True '])('reads %j as true', (value) => {
    expect(flag(value)).toBe(true);
  });

  it.each([0, '0', false, 'false', 'False'])('reads %j as false', (value) => {
    expect(flag(value)).toBe(false);
  });

  it.each([2, -1, '2', 'yes', 'no', '', 'No Data', 0.5, '1.0', null, undefined, {}, []])(
    'reads %j as unknown (null)',
    (value) => {
      expect(flag(value)).toBeNull();
    },
  );
});

describe('decimal', () => {
  it('passes decimal strings through exactly', () => {
    expect(decimal('27110.55')).toBe('27110.55');
    expect(decimal('32450.00')).toBe('32450.00');
    expect(decimal('612.40')).toBe('612.40');
    expect(decimal('0')).toBe('0');
    expect(decimal('-12.5')).toBe('-12.5');
  });

  it('ignores whitespace around a decimal string', () => {
    expect(decimal(' 612.40 ')).toBe('612.40');
  });

  it('writes a JSON number as its shortest text', () => {
    expect(decimal(612.4)).toBe('612.4');
    expect(decimal(0)).toBe('0');
    expect(decimal(-0)).toBe('0');
    expect(decimal(1837.2)).toBe('1837.2');
    expect(decimal(12)).toBe('12');
    expect(decimal(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('refuses numbers that have no plain decimal text', () => {
    expect(decimal(Number.NaN)).toBeNull();
    expect(decimal(Number.POSITIVE_INFINITY)).toBeNull();
    expect(decimal(Number.NEGATIVE_INFINITY)).toBeNull();
    expect(decimal(1e21)).toBeNull();
  });

  it.each(['1,000', 'abc', '', ' ', 'No Data', '-undefined', '1e5', '.5', '5.', '+5', '0x10', 'NaN', 'Infinity', '12.5.1', '$12'])(
    'refuses the string %j',
    (value) => {
      expect(decimal(value)).toBeNull();
    },
  );

  it('refuses booleans and non-scalars', () => {
    expect(decimal(true)).toBeNull();
    for (const value of NON_SCALARS) expect(decimal(value)).toBeNull();
  });
});

describe('instant', () => {
  it('refuses zone offsets no clock has', () => {
    expect(instant('2026-03-10T12:00:00+99:99')).toBeNull();
    expect(instant('2026-03-10T12:00:00+14:60')).toBeNull();
    expect(instant('2026-03-10T12:00:00+23:59')).toBe('2026-03-09T12:01:00.000Z');
  });

  it('reads years below 100 as written, not as 19xx', () => {
    expect(instant('0099-01-01')).toBe('0099-01-01T00:00:00.000Z');
    expect(calendarDate('0099-01-01')).toBe('0099-01-01');
  });

  it('reads the provider microsecond UTC format', () => {
    expect(instant('2026-03-10T18:27:04.000000Z')).toBe('2026-03-10T18:27:04.000Z');
  });

  it('reads a zone-less timestamp as UTC', () => {
    expect(instant('2026-03-10 11:48:00')).toBe('2026-03-10T11:48:00.000Z');
  });

  it('reads both provider formats of the same moment as the same instant', () => {
    expect(instant('2026-03-10 11:48:00')).toBe(instant('2026-03-10T11:48:00.000000Z'));
  });

  it('applies a positive offset', () => {
    expect(instant('2026-03-10T12:00:00+02:00')).toBe('2026-03-10T10:00:00.000Z');
  });

  it('applies a negative offset, across midnight', () => {
    expect(instant('2026-03-10T23:30:00-05:00')).toBe('2026-03-11T04:30:00.000Z');
  });

  it('applies an offset with minutes and without a colon', () => {
    expect(instant('2026-03-10T12:00:00+0530')).toBe('2026-03-10T06:30:00.000Z');
    expect(instant('2026-03-10T12:00:00-09:30')).toBe('2026-03-10T21:30:00.000Z');
  });

  it('keeps milliseconds and truncates finer fractions', () => {
    expect(instant('2026-03-10T18:27:04.5Z')).toBe('2026-03-10T18:27:04.500Z');
    expect(instant('2026-03-10T18:27:04.123999Z')).toBe('2026-03-10T18:27:04.123Z');
  });

  it('reads a date alone as midnight UTC and a timestamp without seconds', () => {
    expect(instant('2026-03-10')).toBe('2026-03-10T00:00:00.000Z');
    expect(instant('2026-03-10 11:48')).toBe('2026-03-10T11:48:00.000Z');
  });

  it('ignores surrounding whitespace', () => {
    expect(instant(' 2026-03-10 11:48:00 ')).toBe('2026-03-10T11:48:00.000Z');
  });

  it('accepts the 29th of February in a leap year', () => {
    expect(instant('2024-02-29 00:00:00')).toBe('2024-02-29T00:00:00.000Z');
  });

  it.each([
    '2026-02-31 10:00:00',
    '2026-02-29 10:00:00',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-03-00',
    '2026-03-32',
    '2026-03-10 25:00:00',
    '2026-03-10 24:00:00',
    '2026-03-10 23:60:00',
    '2026-03-10 12:60:00',
    '2026-03-10 23:59:60',
  ])('refuses the impossible date or time %j', (value) => {
    expect(instant(value)).toBeNull();
  });

  it.each([
    '',
    'No Data',
    '-undefined',
    'yesterday',
    '10/03/2026',
    '2026-3-10',
    '26-03-10',
    '2026-03-10T11:48:00Zjunk',
    '2026-03-10X11:48:00',
    '2026-03-10T11',
    '20260310',
  ])('refuses the malformed text %j', (value) => {
    expect(instant(value)).toBeNull();
  });

  it('refuses non-strings, including epoch numbers and Date objects', () => {
    expect(instant(1773140880000)).toBeNull();
    expect(instant(new Date('2026-03-10T11:48:00Z'))).toBeNull();
    expect(instant(true)).toBeNull();
    for (const value of NON_SCALARS) expect(instant(value)).toBeNull();
  });

  it('refuses a huge string without throwing', () => {
    expect(instant(`2026-03-10 11:48:00${'0'.repeat(1_000_000)}`)).toBeNull();
  });
});

describe('calendarDate', () => {
  it('reads a plain date', () => {
    expect(calendarDate('2021-01-10')).toBe('2021-01-10');
  });

  it('keeps the date part of a timestamp as written', () => {
    expect(calendarDate('2026-03-10 11:48:00')).toBe('2026-03-10');
    expect(calendarDate('2026-03-10T18:27:04.000000Z')).toBe('2026-03-10');
  });

  it('does not shift the date by the offset', () => {
    expect(calendarDate('2026-03-10T23:30:00-05:00')).toBe('2026-03-10');
    expect(calendarDate('2026-03-10T00:30:00+02:00')).toBe('2026-03-10');
  });

  it('refuses impossible dates and times', () => {
    expect(calendarDate('2026-02-31')).toBeNull();
    expect(calendarDate('2026-02-29')).toBeNull();
    expect(calendarDate('2026-03-10 25:00:00')).toBeNull();
  });

  it('reads placeholders, malformed text and non-strings as null', () => {
    expect(calendarDate('No Data')).toBeNull();
    expect(calendarDate('-undefined')).toBeNull();
    expect(calendarDate('')).toBeNull();
    expect(calendarDate('15.08.2022')).toBeNull();
    expect(calendarDate(20220815)).toBeNull();
    for (const value of NON_SCALARS) expect(calendarDate(value)).toBeNull();
  });
});
