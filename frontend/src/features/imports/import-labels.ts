import type { TFunction } from 'i18next';

/** A target field's name in the user's language (the API's name when there is no translation). */
export function fieldLabel(t: TFunction, name: string): string {
  return t(`imports.fieldNames.${name}`, { defaultValue: name });
}

/** A normalisation rule's name in the user's language (the API's name when there is no translation). */
export function ruleLabel(t: TFunction, rule: string): string {
  return t(`imports.rules.${rule}`, { defaultValue: rule });
}

/** A cell as text (the API answers strings, numbers, booleans or null). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
