import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { staffApi } from '../api/endpoints';
import type { Order, OrderStatus } from '../api/types';
import { ADVANCE_LABEL, NEXT_STATUS } from '../kitchen/board';
import { formatMoney } from '../lib/money';
import { Badge, Button, Empty, ErrorBox, Loading, statusTone } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';

export function OrdersPage() {
  return (
    <NeedsRestaurant>
      <OrdersBoard />
    </NeedsRestaurant>
  );
}

/** Active orders, pending confirmations first; kept fresh by the console's live connection. */
function OrdersBoard() {
  const { restaurantId } = useAdmin();
  const queryClient = useQueryClient();
  const orders = useQuery({ queryKey: ['orders', restaurantId, 'active'], queryFn: () => staffApi.orders({ restaurantId, active: true }) });
  const change = useMutation({
    mutationFn: ({ id, status }: { id: string; status: OrderStatus }) => staffApi.setOrderStatus(id, status),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['orders'] }),
  });
  if (orders.isPending) return <Loading />;
  if (orders.isError) return <ErrorBox error={orders.error} />;
  const pending = orders.data.items.filter((o) => o.status === 'PENDING');
  const rest = orders.data.items.filter((o) => o.status !== 'PENDING');
  const row = (o: Order) => (
    <li key={o.id} className="flex flex-wrap items-center gap-3 rounded-lg border border-stone-300 bg-white p-3" data-testid="admin-order">
      <div className="min-w-0 flex-1">
        <p className="font-semibold">
          {o.table_label ?? (o.table_id ? 'Table' : 'Takeaway')} · {formatMoney(o.total_amount, o.currency)}
        </p>
        <p className="text-sm text-stone-700">{o.items.map((i) => `${i.quantity}× ${i.name}${i.modifiers.length ? ` (${i.modifiers.map((m) => m.name).join(', ')})` : ''}`).join('; ')}</p>
        <p className="text-xs text-stone-600">{new Date(o.created_at).toLocaleString()}</p>
      </div>
      <Badge tone={statusTone(o.status)}>{o.status}</Badge>
      {NEXT_STATUS[o.status] && (
        <Button onClick={() => change.mutate({ id: o.id, status: NEXT_STATUS[o.status]! })} disabled={change.isPending}>
          {ADVANCE_LABEL[o.status]}
        </Button>
      )}
      {(o.status === 'PENDING' || o.status === 'CONFIRMED') && (
        <Button variant="danger" onClick={() => change.mutate({ id: o.id, status: 'CANCELLED' })} disabled={change.isPending}>
          Cancel
        </Button>
      )}
    </li>
  );
  return (
    <>
      <PageTitle>Orders</PageTitle>
      <ErrorBox error={change.error} className="mb-3" />
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
