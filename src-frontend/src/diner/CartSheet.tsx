import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { dinerApi } from '../api/endpoints';
import type { Order } from '../api/types';
import { formatMoney } from '../lib/money';
import { Button, ErrorBox, Modal } from '../ui/ui';
import { cartTotalCents, useCart } from './cart';
import { dinerKeys, storeOrder, type DinerTable } from './useDinerTable';

/** Sends the cart as one order (one idempotency key per order, so a retried send never orders twice). */
function usePlaceOrder(table: DinerTable, onPlaced: (order: Order) => void) {
  const queryClient = useQueryClient();
  const lines = useCart((s) => s.lines);
  const idempotencyKey = useRef<string>(crypto.randomUUID());
  return useMutation({
    mutationFn: () =>
      dinerApi.placeOrder(
        { table_label: table.tableLabel, items: lines.map((l) => ({ menu_item_id: l.menuItemId, quantity: l.quantity, modifier_option_ids: l.optionIds, note: l.note || undefined })) },
        idempotencyKey.current,
      ),
    onSuccess: (order) => {
      idempotencyKey.current = crypto.randomUUID();
      useCart.getState().clear();
      storeOrder(queryClient, table.sessionId, order);
      // the tab was closed meanwhile and this order opened the table's next one: follow it
      if (order.session_id && order.session_id !== table.sessionId) void queryClient.invalidateQueries({ queryKey: dinerKeys.join(table.qrToken) });
      onPlaced(order);
    },
  });
}

/** The cart on this phone: quantities, total, and the button that sends it to the kitchen. */
export function CartSheet({ table, open, onOpenChange, onPlaced }: { table: DinerTable; open: boolean; onOpenChange: (open: boolean) => void; onPlaced: (order: Order) => void }) {
  const cart = useCart();
  const place = usePlaceOrder(table, onPlaced);
  const total = cartTotalCents(cart.lines);
  return (
    <Modal open={open} onOpenChange={onOpenChange} title="Your order" side>
      {cart.lines.length === 0 ? (
        <p className="text-sm text-stone-700">Your order is empty.</p>
      ) : (
        <div className="flex flex-col gap-3">
          <p className="text-xs text-stone-600">This order is on this phone until you send it; sent orders appear for the whole table.</p>
          <ul className="divide-y divide-stone-200">
            {cart.lines.map((l) => (
              <li key={l.key} className="flex items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className="font-medium">{l.name}</p>
                  {l.optionNames.length > 0 && <p className="text-sm text-stone-600">{l.optionNames.join(', ')}</p>}
                  {l.note && <p className="text-sm italic text-stone-600">“{l.note}”</p>}
                </div>
                <div className="flex items-center gap-1" role="group" aria-label={`Quantity of ${l.name}`}>
                  <Button variant="secondary" aria-label={`One less ${l.name}`} onClick={() => cart.setQuantity(l.key, l.quantity - 1)} className="h-10 w-10">
                    −
                  </Button>
                  <span className="w-6 text-center">{l.quantity}</span>
                  <Button variant="secondary" aria-label={`One more ${l.name}`} onClick={() => cart.setQuantity(l.key, l.quantity + 1)} className="h-10 w-10">
                    +
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          <p className="flex justify-between font-bold">
            <span>Total</span>
            <span>{formatMoney(total / 100, table.currency)}</span>
          </p>
          <ErrorBox error={place.error} />
          <Button className="min-h-12" onClick={() => place.mutate()} disabled={place.isPending || !table.guest.isSuccess}>
            {place.isPending ? 'Sending…' : 'Place order'}
          </Button>
        </div>
      )}
    </Modal>
  );
}
