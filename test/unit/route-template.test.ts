import { routeTemplate } from '../../src/infra/observability/route-template';

describe('the route template of a provider call', () => {
  it('keeps plain words and API versions, and writes every other segment as {id}', () => {
    expect(routeTemplate('/api/v130/assignments/57074903/collaterals')).toBe('/api/v130/assignments/{id}/collaterals');
    expect(routeTemplate('/api/v150/assignments')).toBe('/api/v150/assignments');
    expect(routeTemplate('/assignment/status/')).toBe('/assignment/status/');
    expect(routeTemplate('/debt-collection/cases')).toBe('/debt-collection/cases');
    expect(routeTemplate('/runs/5b0e8c1a-2f4d-4a51-9c1e-000000000001/debtors')).toBe('/runs/{id}/debtors');
  });

  it('never keeps what could be an id, a name or a code: digits, encodings, dots, anything else', () => {
    for (const segment of ['WP0AA29898U760244', 'DQK4516', 'agency-id-123', 'a%20b', 'john.doe', 'v12345', '_x', 'Ñandú']) {
      expect(routeTemplate(`/cases/${segment}`)).toBe('/cases/{id}');
    }
  });

  it('leaves out the query string', () => {
    expect(routeTemplate('/assignment/?code=5b0e8c1a')).toBe('/assignment/');
  });

  it('cuts a path of many segments', () => {
    expect(routeTemplate('/a'.repeat(100)).length).toBeLessThanOrEqual(121);
  });
});
