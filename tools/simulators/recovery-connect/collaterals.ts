import type { RawAssignment, RawCollateralListItem } from '../../../src/providers/recovery-connect/raw';
import { isRecord } from '../common/guards';

/**
 * `GET /api/v130/assignments/{id}/collaterals`, derived from the assignment's
 * `primary_collateral`: the only collateral the seed shows us. An assignment without one (null or
 * left out entirely) has none; a collateral without a vehicle has the vehicle fields null.
 */
export function collateralList(assignment: RawAssignment): RawCollateralListItem[] {
  const collateral: unknown = assignment.primary_collateral;
  if (!isRecord(collateral)) return [];
  const vehicle = recordOrNull(collateral['base_object']);
  const model = recordOrNull(vehicle?.['object_model']);
  const properties = recordOrNull(vehicle?.['object_properties']);
  const make = recordOrNull(model?.['make']);
  return [
    {
      id: scalar(collateral['id']),
      object_id: scalar(collateral['object_id']),
      is_primary: scalar(collateral['is_primary']),
      vin: stringOrNull(vehicle?.['identification_number']),
      year: scalar(model?.['year']),
      make: stringOrNull(make?.['name']),
      model: stringOrNull(model?.['name']),
      license_no: stringOrNull(properties?.['license_no']),
      license_state: stringOrNull(properties?.['license_state']),
      original_loan_amount: scalar(collateral['original_loan_amount']),
      payment_amount: scalar(collateral['payment_amount']),
      past_due_amount: scalar(collateral['past_due_amount']),
      unpaid_balance: scalar(collateral['unpaid_balance']),
      status: scalar(collateral['status']),
      status_date: stringOrNull(collateral['status_date']),
      contract_date: stringOrNull(collateral['contract_date']),
      deliquent_since: stringOrNull(collateral['deliquent_since']),
      chargeoff_date: stringOrNull(collateral['chargeoff_date']),
      is_damaged: scalar(collateral['is_damaged']),
      display_string: stringOrNull(collateral['display_string']),
    },
  ];
}

function recordOrNull(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}

/** A field copied as the assignment body holds it: numbers and strings as they are, anything else null. */
function scalar(value: unknown): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
