/**
 * Our model of RecoveryConnect data, the shape resolvers return. Provider quirks are gone
 * by the time data is here: placeholders are null, dates are ISO strings, amounts are exact
 * decimal strings, flags are booleans.
 */
import type { PageInfoModel } from '../page';
import type { UnreadableRecord } from '../unreadable';

/** One recorded value of a vehicle property, oldest first in a history. */
export interface VehiclePropertyModel {
  readonly name: string;
  /** Null when the entry was empty or a placeholder. */
  readonly value: string | null;
  readonly source: string | null;
  /** ISO 8601 instant, or null when the provider's timestamp was unreadable. */
  readonly recordedAt: string | null;
}

export interface LicensePlateModel {
  readonly number: string | null;
  readonly state: string | null;
  /** `YYYY-MM-DD`. */
  readonly expiresOn: string | null;
}

export interface VehicleModel {
  /** Null when the provider sent the vehicle without its id (the documented collateral list has none). */
  readonly id: string | null;
  readonly vin: string | null;
  readonly year: number | null;
  readonly make: string | null;
  readonly model: string | null;
  readonly trim: string | null;
  readonly color: string | null;
  readonly bodyType: string | null;
  readonly engine: string | null;
  readonly driveTrain: string | null;
  readonly fuelType: string | null;
  readonly keyCode: string | null;
  readonly sellingDealer: string | null;
  readonly licensePlate: LicensePlateModel | null;
  /** Every recorded entry, empty ones included, oldest first. */
  readonly propertyHistory: readonly VehiclePropertyModel[];
}

export interface CollateralModel {
  /** Null when the provider sent the collateral without its id (the documented collateral list has none). */
  readonly id: string | null;
  readonly isPrimary: boolean | null;
  readonly status: number | null;
  readonly statusDate: string | null;
  readonly contractDate: string | null;
  readonly delinquentSince: string | null;
  readonly chargeoffDate: string | null;
  /** Exact decimal strings. */
  readonly originalLoanAmount: string | null;
  readonly paymentAmount: string | null;
  readonly pastDueAmount: string | null;
  readonly unpaidBalance: string | null;
  readonly isDamaged: boolean | null;
  readonly displayName: string | null;
  readonly additionalInfo: string | null;
  readonly vehicle: VehicleModel | null;
}

export interface AssignmentModel {
  readonly id: string;
  readonly clientId: string | null;
  readonly ownerId: string | null;
  readonly lienholderId: string | null;
  readonly collectorId: string | null;
  readonly status: number | null;
  readonly statusDate: string | null;
  readonly orderType: number | null;
  readonly acceptedDate: string | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly expiresAt: string | null;
  readonly companyOrderNumber: string | null;
  readonly clientAccountNumber: string | null;
  readonly lienAccountNumber: string | null;
  readonly isViolent: boolean | null;
  readonly isLender: boolean | null;
  readonly isLatestCase: boolean | null;
  readonly parentId: string | null;
  readonly parentCaseId: string | null;
  readonly reopenCount: number | null;
  readonly assignmentSituation: string | null;
  readonly recoverySituation: string | null;
  readonly note: string | null;
  readonly reason: string | null;
  readonly primaryCollateral: CollateralModel | null;
}

export interface AssignmentPageModel {
  /** In the provider's order; one the graph cannot read (no id) stays in its place. */
  readonly items: readonly (AssignmentModel | UnreadableRecord)[];
  readonly pageInfo: PageInfoModel;
}

export interface UpdateAssignmentSuccessModel {
  readonly __typename: 'UpdateAssignmentSuccess';
  readonly assignment: AssignmentModel;
}

/** Filter of the assignment list, in our names. */
export interface AssignmentFilterModel {
  readonly ids?: readonly string[];
  readonly status?: number;
  readonly clientId?: string;
  readonly ownerId?: string;
  readonly accountNumber?: string;
}

/** The fields an update may change, all validated; only present keys are sent. */
export interface AssignmentPatch {
  readonly orderType?: number;
  readonly status?: number;
  readonly statusNote?: string;
  readonly collectorId?: string;
}
