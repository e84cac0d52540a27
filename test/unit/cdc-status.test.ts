import { CDC_STATUSES, describeStatus, numberOfStatus, statusOfNumber } from '../../src/domain/cdc/status';

describe('CDC status numbers', () => {
  it('lists the nine statuses in the order of the seed table, numbered 1 to 9', () => {
    expect(CDC_STATUSES.map((status) => [numberOfStatus(status), status])).toEqual([
      [1, 'TYPING'],
      [2, 'ANALYSIS'],
      [3, 'APPROVED'],
      [4, 'REFUSED'],
      [5, 'SIGNATURE'],
      [6, 'SALE_OFF'],
      [7, 'FINISHED'],
      [8, 'CANCELLED'],
      [9, 'SIGNED_CONTRACT'],
    ]);
  });

  it('reads every provider number back to its status', () => {
    for (const status of CDC_STATUSES) expect(statusOfNumber(numberOfStatus(status))).toBe(status);
  });

  it('reads numbers the seed does not list as null', () => {
    for (const value of [0, 10, -1, 2.5, Number.NaN]) expect(statusOfNumber(value)).toBeNull();
  });

  it('describes every status in words', () => {
    expect(describeStatus('TYPING')).toBe('Creation of the assignment package with the operations.');
    for (const status of CDC_STATUSES) expect(describeStatus(status).length).toBeGreaterThan(10);
  });
});
