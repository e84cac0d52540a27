import type { RawAssignment, RawCollateralListItem } from '../../providers/recovery-connect/raw';

/**
 * `GET /api/v130/assignments/{id}/collaterals`, derived from the assignment's
 * `primary_collateral`: the only collateral the seed shows us.
 */
export function collateralList(assignment: RawAssignment): RawCollateralListItem[] {
  const collateral = assignment.primary_collateral;
  if (collateral === null) return [];
  const vehicle = collateral.base_object;
  const model = vehicle?.object_model ?? null;
  const properties = vehicle?.object_properties ?? null;
  return [
    {
      id: collateral.id,
      object_id: collateral.object_id,
      is_primary: collateral.is_primary,
      vin: vehicle?.identification_number ?? null,
      year: model?.year ?? null,
      make: model?.make?.name ?? null,
      model: model?.name ?? null,
      license_no: properties?.license_no ?? null,
      license_state: properties?.license_state ?? null,
      original_loan_amount: collateral.original_loan_amount,
      payment_amount: collateral.payment_amount,
      past_due_amount: collateral.past_due_amount,
      unpaid_balance: collateral.unpaid_balance,
      status: collateral.status,
      status_date: collateral.status_date,
      contract_date: collateral.contract_date,
      deliquent_since: collateral.deliquent_since,
      chargeoff_date: collateral.chargeoff_date,
      is_damaged: collateral.is_damaged,
      display_string: collateral.display_string,
    },
  ];
}
