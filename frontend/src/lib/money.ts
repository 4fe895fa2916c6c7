/** Money is a decimal string and a currency code: shown with the language's grouping, 2 decimals. */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined, language: string): string {
  const value = Number(amount ?? 0);
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency: currency || 'CNY',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(Number.isFinite(value) ? value : 0);
  } catch {
    return `${amount ?? '0.00'} ${currency ?? ''}`.trim();
  }
}

export function formatQuantity(quantity: string | null | undefined, language: string): string {
  const value = Number(quantity ?? 0);
  return new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(Number.isFinite(value) ? value : 0);
}
