import { DEFAULT_HARDENING, readHardeningConfig } from '../../src/config/hardening';

describe('the hardening settings', () => {
  it('defaults to seconds-long HTTP timeouts and the demand limits of the README', () => {
    const problems: string[] = [];
    expect(readHardeningConfig({}, problems)).toStrictEqual(DEFAULT_HARDENING);
    expect(DEFAULT_HARDENING.server).toEqual({ headersTimeoutSeconds: 10, requestTimeoutSeconds: 30, keepAliveTimeoutSeconds: 5, maxConnections: 10_000 });
    expect(problems).toEqual([]);
  });

  it('reads every variable', () => {
    const problems: string[] = [];
    const config = readHardeningConfig(
      {
        HTTP_HEADERS_TIMEOUT_SECONDS: '2',
        HTTP_REQUEST_TIMEOUT_SECONDS: '4',
        HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: '3',
        HTTP_MAX_CONNECTIONS: '500',
        ENTITIES_MAX_REPRESENTATIONS: '250',
        DEMAND_MAX_COST: '9000',
        RECOVERY_CONNECT_CALLS_PER_REQUEST: '7',
        CDC_CALLS_PER_REQUEST: '8',
        DEBT_COLLECTION_CALLS_PER_REQUEST: '9',
        PROVIDER_CONCURRENT_PER_REQUEST: '2',
      },
      problems,
    );
    expect(problems).toEqual([]);
    expect(config).toStrictEqual({
      server: { headersTimeoutSeconds: 2, requestTimeoutSeconds: 4, keepAliveTimeoutSeconds: 3, maxConnections: 500 },
      demand: { maxRepresentations: 250, maxCost: 9000, callsPerRequest: { RECOVERY_CONNECT: 7, CDC: 8, DEBT_COLLECTION: 9 }, concurrentPerRequest: 2 },
    });
  });

  it('reports values out of range or not whole numbers, and a request timeout shorter than the headers timeout', () => {
    const problems: string[] = [];
    readHardeningConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: '0', HTTP_MAX_CONNECTIONS: '1e3', CDC_CALLS_PER_REQUEST: '-1' }, problems);
    readHardeningConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: '20', HTTP_REQUEST_TIMEOUT_SECONDS: '10' }, problems);
    expect(problems).toEqual([
      'HTTP_HEADERS_TIMEOUT_SECONDS must be a whole number from 1 to 300 (got "0").',
      'HTTP_MAX_CONNECTIONS must be a whole number from 1 to 1000000 (got "1e3").',
      'CDC_CALLS_PER_REQUEST must be a whole number from 1 to 100000 (got "-1").',
      'HTTP_REQUEST_TIMEOUT_SECONDS must be at least HTTP_HEADERS_TIMEOUT_SECONDS (the whole request includes its headers).',
    ]);
  });
});
