/** Money as the restaurant's currency shows it; amounts arrive as JSON numbers with at most two decimals. */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Cents, to add money without floating-point drift. */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}
