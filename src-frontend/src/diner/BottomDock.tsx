import { useEffect, useState } from 'react';
import type { Order } from '../api/types';
import { formatMoney } from '../lib/money';
import { Button, ErrorBox } from '../ui/ui';
import { cartCount, cartTotalCents, useCart } from './cart';
import { ordersSummary } from './ordersSummary';

const TOAST_MS = 8_000;

/** A short confirmation shown in the viewport ("Order sent", "A waiter is on the way"), gone after a while. */
export function useToast() {
  const [toast, setToast] = useState<{ text: string; at: number } | null>(null);
  useEffect(() => {
    if (!toast) return undefined;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return { toast: toast?.text ?? null, show: (text: string) => setToast({ text, at: Date.now() }), dismiss: () => setToast(null) };
}

/**
 * What stays in reach at the bottom of the phone's screen however far the diner scrolled (issue 17,
 * fault 4): the last confirmation or error, the table's orders with their progress, and the cart.
 */
export function BottomDock({
  toast,
  onDismiss,
  errors,
  orders,
  onShowOrders,
  currency,
  onOpenCart,
}: {
  toast: string | null;
  onDismiss: () => void;
  errors: unknown[];
  orders: Order[];
  onShowOrders: () => void;
  currency: string;
  onOpenCart: () => void;
}) {
  const lines = useCart((s) => s.lines);
  const count = cartCount(lines);
  const progress = ordersSummary(orders);
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-20 mx-auto flex max-w-2xl flex-col gap-2 p-3 [&>*]:pointer-events-auto" data-testid="bottom-dock">
      <div aria-live="polite" className="flex flex-col gap-2">
        {toast && (
          <p role="status" className="flex items-center justify-between gap-2 rounded-lg bg-stone-900 px-4 py-3 text-sm text-white shadow-lg" data-testid="toast">
            {toast}
            <button type="button" className="underline" onClick={onDismiss}>
              Dismiss
            </button>
          </p>
        )}
      </div>
      {errors.map((error, i) => (
        <ErrorBox key={i} error={error} className="shadow-lg" />
      ))}
      {progress && (
        <button
          type="button"
          onClick={onShowOrders}
          className="flex min-h-11 items-center justify-between rounded-lg border border-stone-300 bg-white px-4 text-left text-sm font-semibold shadow-lg"
          data-testid="orders-bar"
        >
          <span>
            Your orders · <span data-testid="orders-progress">{progress}</span>
          </span>
          <span aria-hidden="true">↓</span>
        </button>
      )}
      {count > 0 && (
        <Button className="flex min-h-12 w-full shadow-lg" onClick={onOpenCart}>
          View order ({count}) · {formatMoney(cartTotalCents(lines) / 100, currency)}
        </Button>
      )}
    </div>
  );
}
