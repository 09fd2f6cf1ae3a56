import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import { ErrorBox, Loading } from '../ui/ui';
import { BillSheet } from './BillSheet';
import { BottomDock, useToast } from './BottomDock';
import { useCart } from './cart';
import { CartSheet } from './CartSheet';
import { CategoryNav } from './CategoryNav';
import { DinerHeader } from './DinerHeader';
import { DinerNotices } from './DinerNotices';
import { filterChoices, MenuFilters } from './MenuFilters';
import { MenuList } from './MenuList';
import { shownDinerMenu, type MenuFilter } from './menuView';
import { ModifierSheet } from './ModifierSheet';
import { scrollUnderStickyBar } from './scroll';
import { TableCompany } from './TableCompany';
import { TableOrders } from './TableOrders';
import { useDinerTable, type DinerTable } from './useDinerTable';
import { useServiceCall } from './useServiceCall';
import { useSheet } from './useSheet';
import { useTableLive } from './useTableLive';

const NO_FILTER: MenuFilter = { avoidAllergens: [], requireTags: [] };

/** The diner's page behind a table's QR code: menu, cart, orders live, waiter and bill. */
export function DinerPage() {
  const { qrToken = '' } = useParams();
  const table = useDinerTable(qrToken);
  const { sessionId } = table;
  const live = useTableLive(sessionId, table.rid);
  const { sheet, open, close } = useSheet();
  const [filter, setFilter] = useState<MenuFilter>(NO_FILTER);
  const { toast, show, dismiss } = useToast();
  useEffect(() => {
    useCart.getState().forTable(qrToken);
  }, [qrToken]);
  const timeZone = table.menu.data?.latest.restaurant.time_zone;
  const waiter = useServiceCall(sessionId, 'waiter', timeZone, () => show('A waiter is on the way.'));
  const categories = useMemo(() => (table.menu.data ? shownDinerMenu(table.menu.data) : []), [table.menu.data]);
  const choices = useMemo(() => filterChoices(categories), [categories]);

  const unavailable = unavailablePage(table);
  if (unavailable) return unavailable;
  const restaurant = table.menu.data!.latest.restaurant;
  const session = table.session.data;
  const orders = session?.orders ?? [];
  const picking = sheet?.kind === 'item' ? categories.flatMap((c) => c.items).find((i) => i.id === sheet.itemId) : undefined;

  return (
    <div className="mx-auto min-h-screen max-w-2xl pb-44">
      <div className="sticky top-0 z-10 backdrop-blur" data-sticky-bar>
        <DinerHeader restaurant={restaurant} tableLabel={table.tableLabel} waiter={waiter} />
        <CategoryNav
          categories={categories}
          filters={{ available: choices.tags.length + choices.allergens.length > 0, chosen: filter.requireTags.length + filter.avoidAllergens.length }}
          onFilters={() => open({ kind: 'filters' })}
        />
      </div>
      <DinerNotices live={live.status} closed={!!session && session.status !== 'open'} errors={[table.joined.error]} />
      {session?.status === 'open' && <TableCompany qrToken={qrToken} sessionId={sessionId} me={table.me} diners={session.diners} />}
      <main>
        <MenuList categories={categories} filter={filter} currency={table.currency} onPick={(item) => open({ kind: 'item', itemId: item.id })} />
        <TableOrders orders={orders} sessionId={sessionId} onViewBill={() => open({ kind: 'bill' })} />
      </main>
      <BottomDock
        toast={toast}
        onDismiss={dismiss}
        errors={[waiter.error]}
        orders={orders}
        onShowOrders={() => scrollUnderStickyBar(document.getElementById('orders-heading'))}
        currency={table.currency}
        onOpenCart={() => open({ kind: 'cart' })}
      />
      <MenuFilters choices={choices} filter={filter} onChange={setFilter} open={sheet?.kind === 'filters'} onClose={close} />
      {picking && (
        <ModifierSheet
          item={picking}
          currency={table.currency}
          onClose={close}
          onAdd={(line) => {
            useCart.getState().add({ menuItemId: picking.id, name: picking.name, optionIds: line.optionIds, optionNames: line.optionNames, unitCents: line.unitCents, note: line.note }, line.quantity);
            close();
          }}
        />
      )}
      <CartSheet
        table={table}
        open={sheet?.kind === 'cart'}
        onOpenChange={(o) => !o && close()}
        onPlaced={() => {
          close();
          show('Order sent. You can follow it below.');
        }}
      />
      {sheet?.kind === 'bill' && sessionId && <BillSheet sessionId={sessionId} me={table.me} timeZone={timeZone} onClose={close} />}
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
