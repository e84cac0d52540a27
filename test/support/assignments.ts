/** Extra assignments for tests that need more than the fixture's three. */
import type { RawAssignment } from '../../src/providers/recovery-connect/raw';
import { recoveryConnectFixture } from '../../tools/simulators/fixtures';

/** `count` copies of fixture assignment 57074905 with ids `firstId`, `firstId + 1`, ... */
export function generatedAssignments(count: number, firstId = 70_000_000): RawAssignment[] {
  const template = recoveryConnectFixture.assignments.find((assignment) => assignment.id === 57074905);
  if (!template) throw new Error('fixture assignment 57074905 is missing');
  return Array.from({ length: count }, (_, index) => ({
    ...structuredClone(template),
    id: firstId + index,
    company_orderno: 900_000 + index,
  }));
}
