import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import { dinerApi } from '../api/endpoints';
import type { PublicMenuEntry } from '../api/types';
import { ErrorBox, Loading } from '../ui/ui';
import { BillSheet } from './BillSheet';
import { useCart } from './cart';
import { CartBar, CartSheet } from './CartSheet';
import { CategoryNav } from './CategoryNav';
import { DinerHeader } from './DinerHeader';
import { DinerNotices } from './DinerNotices';
import { MenuFilters } from './MenuFilters';
import { MenuList } from './MenuList';
import { shownDinerMenu, type MenuFilter } from './menuView';
import { ModifierSheet } from './ModifierSheet';
import { TableOrders } from './TableOrders';
import { useDinerTable, type DinerTable } from './useDinerTable';
import { useTableLive } from './useTableLive';
import { useWaiterCall } from './useWaiterCall';

const NO_FILTER: MenuFilter = { avoidAllergens: [], requireTags: [] };

/** The diner's page behind a table's QR code: menu, cart, orders live, waiter and bill. */
export function DinerPage() {
  const { qrToken = '' } = useParams();
  const table = useDinerTable(qrToken);
  const { sessionId } = table;
  const live = useTableLive(sessionId, table.rid);
  const [filter, setFilter] = useState<MenuFilter>(NO_FILTER);
  const [picking, setPicking] = useState<PublicMenuEntry | null>(null);
  const [cartOpen, setCartOpen] = useState(false);
  const [billOpen, setBillOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    useCart.getState().forTable(qrToken);
  }, [qrToken]);
  const waiter = useWaiterCall(sessionId, table.menu.data?.latest.restaurant.time_zone, () => setNotice('A waiter is on the way.'));
  const askBill = useMutation({
    mutationFn: () => dinerApi.serviceRequest(sessionId ?? '', 'bill'),
    onSuccess: () => setNotice('The waiter will bring the bill.'),
  });
  const categories = useMemo(() => (table.menu.data ? shownDinerMenu(table.menu.data) : []), [table.menu.data]);

  const unavailable = unavailablePage(table);
  if (unavailable) return unavailable;
  const restaurant = table.menu.data!.latest.restaurant;
  const session = table.session.data;

  return (
    <div className="mx-auto min-h-screen max-w-2xl pb-28">
      <DinerHeader restaurant={restaurant} tableLabel={table.tableLabel} waiter={waiter} />
      <DinerNotices
        live={live.status}
        closed={!!session && session.status !== 'open'}
        notice={notice}
        onDismiss={() => setNotice(null)}
        errors={[waiter.error, askBill.error, table.joined.error]}
      />
      <MenuFilters categories={categories} filter={filter} onChange={setFilter} />
      <CategoryNav categories={categories} />
      <main>
        <MenuList categories={categories} filter={filter} currency={table.currency} onPick={setPicking} />
        <TableOrders
          orders={session?.orders ?? []}
          sessionId={sessionId}
          onRequestBill={() => {
            setBillOpen(true);
            askBill.mutate();
          }}
        />
      </main>
      <CartBar currency={table.currency} onOpen={() => setCartOpen(true)} />
      {picking && (
        <ModifierSheet
          item={picking}
          currency={table.currency}
          onClose={() => setPicking(null)}
          onAdd={(line) => {
            useCart.getState().add({ menuItemId: picking.id, name: picking.name, optionIds: line.optionIds, optionNames: line.optionNames, unitCents: line.unitCents, note: line.note }, line.quantity);
            setPicking(null);
          }}
        />
      )}
      <CartSheet
        table={table}
        open={cartOpen}
        onOpenChange={setCartOpen}
        onPlaced={() => {
          setCartOpen(false);
          setNotice('Order sent. You can follow it below.');
        }}
      />
      {billOpen && sessionId && <BillSheet sessionId={sessionId} onClose={() => setBillOpen(false)} />}
    </div>
  );
}

/** What the page shows instead of the menu while it loads, or when the table or restaurant is not taking orders. */
function unavailablePage({ table, guest, menu }: DinerTable) {
  if (table.isError || guest.isError) {
    const error = table.error ?? guest.error;
    if (error instanceof ApiError && error.status === 404) {
      return <ClosedTable title="This table is not taking orders" detail="This QR code is unknown, was replaced, or the table is closed. Please ask a member of staff for help." />;
    }
    return (
      <main className="p-4">
        <ErrorBox error={error} />
      </main>
    );
  }
  if (table.isPending || menu.isPending) return <Loading label="Opening the menu…" />;
  if (menu.isError) {
    if (menu.error instanceof ApiError && menu.error.status === 404) {
      return <ClosedTable title="This restaurant is closed" detail="Its menu is not available right now. Please ask a member of staff." />;
    }
    return <ErrorBox error={menu.error} className="m-4" />;
  }
  return null;
}

function ClosedTable({ title, detail }: { title: string; detail: string }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-stone-700">{detail}</p>
    </main>
  );
}
