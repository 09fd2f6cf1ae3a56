import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { staffApi } from '../api/endpoints';
import type { Order, OrderStatus } from '../api/types';
import { ADVANCE_LABEL, NEXT_STATUS } from '../kitchen/board';
import { formatMoney } from '../lib/money';
import { formatDateTime } from '../lib/dates';
import { modifierText, orderRef } from '../lib/orders';
import { Badge, Button, Empty, ErrorBox, statusTone } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';
import { Loaded } from './DataTable';

export function OrdersPage() {
  return (
    <NeedsRestaurant>
      <OrdersBoard />
    </NeedsRestaurant>
  );
}

/** Active orders, pending confirmations first; kept fresh by the console's live connection. */
function OrdersBoard() {
  const { restaurantId, timeZone } = useAdmin();
  const queryClient = useQueryClient();
  const orders = useQuery({ queryKey: ['orders', restaurantId, 'active'], queryFn: () => staffApi.orders({ restaurantId, active: true }) });
  const change = useMutation({
    mutationFn: ({ id, status }: { id: string; status: OrderStatus }) => staffApi.setOrderStatus(id, status),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['orders'] }),
  });
  return <Loaded query={orders}>{(page) => <Board orders={page.items} timeZone={timeZone} onChange={(id, status) => change.mutate({ id, status })} changing={change.isPending} error={change.error} />}</Loaded>;
}

/** Pending orders to confirm first, then those in progress, each with its next step and a cancel. */
function Board({ orders, timeZone, onChange, changing, error }: { orders: Order[]; timeZone: string | undefined; onChange: (id: string, status: OrderStatus) => void; changing: boolean; error: unknown }) {
  const pending = orders.filter((o) => o.status === 'PENDING');
  const rest = orders.filter((o) => o.status !== 'PENDING');
  const row = (o: Order) => (
    <li key={o.id} className="flex flex-wrap items-center gap-3 rounded-lg border border-stone-300 bg-white p-3" data-testid="admin-order">
      <div className="min-w-0 flex-1">
        <p className="font-semibold">
          {o.table_label ?? (o.table_id ? 'Table' : 'Takeaway')} · <span className="font-mono">{orderRef(o)}</span> · {formatMoney(o.total_amount, o.currency)}
        </p>
        <p className="text-sm text-stone-700">{o.items.map((i) => `${i.quantity}× ${i.name}${i.modifiers.length ? ` (${modifierText(i.modifiers)})` : ''}`).join('; ')}</p>
        <p className="text-xs text-stone-600" data-testid="order-time">{formatDateTime(o.created_at, timeZone)}</p>
      </div>
      <Badge tone={statusTone(o.status)}>{o.status}</Badge>
      {NEXT_STATUS[o.status] && (
        <Button onClick={() => onChange(o.id, NEXT_STATUS[o.status]!)} disabled={changing}>
          {ADVANCE_LABEL[o.status]}
        </Button>
      )}
      {(o.status === 'PENDING' || o.status === 'CONFIRMED') && (
        <Button variant="danger" onClick={() => onChange(o.id, 'CANCELLED')} disabled={changing}>
          Cancel
        </Button>
      )}
    </li>
  );
  return (
    <>
      <PageTitle>Orders</PageTitle>
      <ErrorBox error={error} className="mb-3" />
      <section aria-labelledby="pending-h" className="mb-6">
        <h2 id="pending-h" className="mb-2 text-lg font-semibold">
          Waiting for confirmation ({pending.length})
        </h2>
        {pending.length === 0 ? <Empty>Nothing to confirm.</Empty> : <ul className="flex flex-col gap-2">{pending.map(row)}</ul>}
      </section>
      <section aria-labelledby="active-h">
        <h2 id="active-h" className="mb-2 text-lg font-semibold">
          In progress ({rest.length})
        </h2>
        {rest.length === 0 ? <Empty>No orders in progress.</Empty> : <ul className="flex flex-col gap-2">{rest.map(row)}</ul>}
      </section>
    </>
  );
}
