import type { FormInstance } from 'antd';
import { ApiError } from '../api/errors';

/**
 * Puts the API's field errors (problem+json `errors: {field: [messages]}`, already in the
 * user's language) under the form's fields. Answers the messages that belong to no field of the
 * form, so the caller can show them.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldNames?: readonly string[],
): string[] {
  if (!(error instanceof ApiError)) return [];
  const known = new Set<string>(
    fieldNames ?? form.getFieldsError().map(({ name }) => String(name[0])),
  );
  const leftover: string[] = [];
  const fields: { name: string; errors: string[] }[] = [];
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    if (known.has(field)) fields.push({ name: field, errors: messages });
    else leftover.push(...messages);
  }
  if (fields.length) form.setFields(fields);
  return leftover;
}

/**
 * A form's values as a request body: text trimmed, blank inputs left out so the API reads "not
 * given" rather than "". `null` stays (for a lead's owner it means "nobody") unless dropNull.
 */
export function withoutBlanks<T extends object>(values: T, { dropNull = false } = {}): T {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const text = typeof value === 'string' ? value.trim() : value;
    if (text !== '' && text !== undefined && !(dropNull && text === null)) body[key] = text;
  }
  return body as T;
}
