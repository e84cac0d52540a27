import type { Response } from 'express';
import type { RawErrorBody } from '../../../src/providers/recovery-connect/raw';

/** Field → messages, as in a Laravel validation answer. */
export type ValidationErrors = Record<string, string[]>;

/** `{message}`: the provider's (Laravel's) error shape. */
export function sendError(res: Response, status: number, message: string): void {
  const body: RawErrorBody = { message };
  res.status(status).json(body);
}

/** 422 with Laravel's validation shape. */
export function sendValidationError(res: Response, errors: ValidationErrors): void {
  const body: RawErrorBody = { message: 'The given data was invalid.', errors };
  res.status(422).json(body);
}

/** Laravel's attribute naming in messages: `order_type` → "order type". */
export function attributeName(field: string): string {
  return field.replace(/_/g, ' ');
}
