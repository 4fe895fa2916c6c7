import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/errors';
import { serverMessage } from './messages';

/**
 * Puts the API's field errors (problem+json `errors: {field: [messages]}`) under the form's
 * fields. Answers the messages that belong to no field of the form, so the caller can show them.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  t: TFunction,
  fieldNames?: readonly string[],
): string[] {
  if (!(error instanceof ApiError)) return [];
  const known = new Set<string>(
    fieldNames ?? form.getFieldsError().map(({ name }) => String(name[0])),
  );
  const leftover: string[] = [];
  const fields: { name: string; errors: string[] }[] = [];
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const translated = messages.map((message) => serverMessage(message, t));
    if (known.has(field)) fields.push({ name: field, errors: translated });
    else leftover.push(...translated);
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
    const text: unknown = typeof value === 'string' ? value.trim() : value;
    if (text !== '' && text !== undefined && !(dropNull && text === null)) body[key] = text;
  }
  return body as T;
}
