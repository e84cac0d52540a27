/**
 * The shared readings of issue 14 in src/providers/values.ts: placeholders in any case, each
 * provider's number format, booleans as text, zero dates, and timestamps without a zone read in a
 * named zone.
 */
import { ConfigError, loadConfig } from '../../src/config/index';
import { CDC_NAIVE_ZONE, CDC_NUMBER_FORMAT, statusNumberOf } from '../../src/providers/cdc/raw';
import { RECOVERY_CONNECT_NUMBER_FORMAT } from '../../src/providers/recovery-connect/raw';
import { calendarDate, decimal, identifier, instant, integer, isPlaceholder, isTimeZone, text } from '../../src/providers/values';

describe('placeholders', () => {
  it.each(['', ' ', '-', '--', '-undefined', 'undefined', 'UNDEFINED', 'null', 'NULL', 'Null', 'nil', 'NaN', 'N/A', 'n/a', '#N/A', 'No Data', 'NO DATA', 'no data', ' N/A '])(
    'reads %j as no value',
    (value) => {
      expect(isPlaceholder(value)).toBe(true);
      expect(text(value)).toBeNull();
      expect(identifier(value)).toBeNull();
    },
  );

  it.each(['NA', 'No', 'None', 'nullable', 'N/A2', '0'])('keeps %j, a real value', (value) => {
    expect(text(value)).toBe(value);
  });
});

describe('numbers in a provider format', () => {
  it.each([
    ['$27,110.55', '27110.55'],
    ['27,110.55', '27110.55'],
    ['1,234,567', '1234567'],
    ['-$12.50', '-12.50'],
    ['$ 12', '12'],
    ['27110.55', '27110.55'],
    ['1.234', '1.234'],
  ])('RecoveryConnect reads %j as %j', (written, read) => {
    expect(decimal(written, RECOVERY_CONNECT_NUMBER_FORMAT)).toBe(read);
  });

  it.each([
    ['R$ 15.420,50', '15420.50'],
    ['15.420,50', '15420.50'],
    ['15420,50', '15420.50'],
    ['-R$ 1.000,00', '-1000.00'],
    ['1.000.000', '1000000'],
    // The machine form, when Banco CDC's own format cannot read it otherwise.
    ['15420.50', '15420.50'],
    ['7380', '7380'],
  ])('Banco CDC reads %j as %j', (written, read) => {
    expect(decimal(written, CDC_NUMBER_FORMAT)).toBe(read);
  });

  it('reads a string that two readings give different values as null, never a guess', () => {
    // Thousands to Banco CDC, a fraction to a machine.
    expect(decimal('1.234', CDC_NUMBER_FORMAT)).toBeNull();
    expect(decimal('1.234')).toBe('1.234');
  });

  it.each(['1,23', '12,3456.7', '1e5', '$$1', 'R$', '1.2.3', ',5', '5,', 'abc', '1 000'])(
    'RecoveryConnect reads %j as null',
    (written) => {
      expect(decimal(written, RECOVERY_CONNECT_NUMBER_FORMAT)).toBeNull();
    },
  );

  it('keeps the plain machine form as the default, unchanged', () => {
    expect(decimal('1,000')).toBeNull();
    expect(decimal('$12')).toBeNull();
    expect(decimal(612.4)).toBe('612.4');
  });

  it('reads whole numbers as strings or numbers alike, in the provider format', () => {
    expect(integer('2')).toBe(2);
    expect(integer(' 2 ')).toBe(2);
    expect(integer('1,234', RECOVERY_CONNECT_NUMBER_FORMAT)).toBe(1234);
    expect(integer('1.234', CDC_NUMBER_FORMAT)).toBeNull();
    expect(integer('2.5', RECOVERY_CONNECT_NUMBER_FORMAT)).toBeNull();
  });

  it('reads a CDC status number written as a number or as a string', () => {
    expect(statusNumberOf(2)).toBe(2);
    expect(statusNumberOf('2')).toBe(2);
    expect(statusNumberOf(' 9 ')).toBe(9);
    expect(statusNumberOf('two')).toBeNull();
    expect(statusNumberOf(null)).toBeNull();
  });
});

describe('zero dates', () => {
  it.each(['0000-00-00', '0000-00-00 00:00:00', '0000-01-01', '0001-01-01', '0001-01-01T00:00:00Z', '1970-01-01 00:00:00', '1970-01-01T00:00:00.000Z'])(
    'reads %j as no date',
    (value) => {
      expect(instant(value)).toBeNull();
      expect(calendarDate(value)).toBeNull();
    },
  );

  it('keeps real dates next to them', () => {
    expect(calendarDate('1970-01-01')).toBe('1970-01-01');
    expect(instant('1970-01-01 00:00:01')).toBe('1970-01-01T00:00:01.000Z');
    expect(instant('0002-01-01')).toBe('0002-01-01T00:00:00.000Z');
  });
});

describe('timestamps without a zone, read in a named zone', () => {
  it("reads RecoveryConnect's seed the two ways the seed supports", () => {
    // UTC: the collateral's status_date 11:48:00Z is the assignment's accepted_date 11:48:00.
    expect(instant('2026-03-10 11:48:00', 'UTC')).toBe(instant('2026-03-10T11:48:00.000000Z'));
    // US Pacific (PDT): the assignment's status_date 18:27:04Z is the properties' 11:27:04.
    expect(instant('2026-03-10 11:27:04', 'America/Los_Angeles')).toBe(instant('2026-03-10T18:27:04.000000Z'));
  });

  it('follows daylight saving time', () => {
    expect(instant('2026-01-15 12:00:00', 'America/Chicago')).toBe('2026-01-15T18:00:00.000Z');
    expect(instant('2026-07-15 12:00:00', 'America/Chicago')).toBe('2026-07-15T17:00:00.000Z');
  });

  it('reads a time the clock skipped as the same time after the change, and one it showed twice as standard time', () => {
    expect(instant('2026-03-08 02:30:00', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(instant('2026-11-01 01:30:00', 'America/New_York')).toBe('2026-11-01T06:30:00.000Z');
  });

  it("keeps a timestamp's own zone whatever the default", () => {
    expect(instant('2026-03-10T18:27:04Z', 'America/Los_Angeles')).toBe('2026-03-10T18:27:04.000Z');
    expect(instant('2026-03-10T12:00:00+02:00', 'Asia/Tokyo')).toBe('2026-03-10T10:00:00.000Z');
  });

  it("reads Banco CDC's Brasília time as a fixed UTC−03:00", () => {
    expect(instant('2026-10-01 09:00:00', CDC_NAIVE_ZONE)).toBe('2026-10-01T12:00:00.000Z');
    expect(instant('2018-01-15 09:00:00', CDC_NAIVE_ZONE)).toBe('2018-01-15T12:00:00.000Z');
  });

  it('knows which zones it can read', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone(CDC_NAIVE_ZONE)).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('RECOVERY_CONNECT_TIME_ZONE', () => {
  it('defaults to UTC', () => {
    expect(loadConfig({}).recoveryConnectTimeZone).toBe('UTC');
    expect(loadConfig({ RECOVERY_CONNECT_TIME_ZONE: '' }).recoveryConnectTimeZone).toBe('UTC');
  });

  it('takes an IANA zone name', () => {
    expect(loadConfig({ RECOVERY_CONNECT_TIME_ZONE: 'America/Los_Angeles' }).recoveryConnectTimeZone).toBe('America/Los_Angeles');
  });

  it.each(['Pacific', 'PST8PDT/x', 'UTC+99', 'America/Nowhere'])('refuses %j at start, with every other problem', (zone) => {
    let problems: readonly string[] = [];
    try {
      loadConfig({ RECOVERY_CONNECT_TIME_ZONE: zone, PORT: 'x' });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([
      expect.stringContaining('PORT'),
      `RECOVERY_CONNECT_TIME_ZONE must be an IANA time zone name such as UTC or America/Chicago (got "${zone}").`,
    ]);
  });
});
