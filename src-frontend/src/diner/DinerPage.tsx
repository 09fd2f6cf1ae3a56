import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import { dinerApi } from '../api/endpoints';
import type { EventEnvelope, LiveMessage, Order, PublicMenuEntry, SessionSummary, TableSession } from '../api/types';
import { useLiveSocket } from '../live/useLiveSocket';
import { formatMoney } from '../lib/money';
import { Badge, Button, ErrorBox, Loading, Modal, statusTone } from '../ui/ui';
import { BillSheet } from './BillSheet';
import { cartCount, cartTotalCents, useCart } from './cart';
import { guestFor, guestToken, renewGuestToken } from './guest';
import { rememberMenu, passesFilter, shownMenu, words, type MenuFilter, type ShownItem } from './menuView';
import { ModifierSheet } from './ModifierSheet';
import { RateOrder } from './RateOrder';
import { afterCall, afterRefusal, loadCall, saveCall, waiterButton, type WaiterCall } from './waiterCall';

const STATUS_WORDS: Record<string, string> = {
  PENDING: 'Waiting for confirmation',
  CONFIRMED: 'Confirmed',
  PREPARING: 'Preparing',
  READY: 'Ready',
  SERVED: 'Served',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

function ClosedTable({ title, detail }: { title: string; detail: string }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-stone-700">{detail}</p>
    </main>
  );
}

function upsert(orders: Order[], order: Order): Order[] {
  const existing = orders.find((o) => o.id === order.id);
  if (existing && Date.parse(existing.updated_at) > Date.parse(order.updated_at)) return orders;
  const rest = orders.filter((o) => o.id !== order.id);
  return [...rest, order].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
}

/** The diner's page behind a table's QR code: menu, cart, orders live, waiter and bill. */
export function DinerPage() {
  const { qrToken = '' } = useParams();
  const queryClient = useQueryClient();

  const table = useQuery({ queryKey: ['table', qrToken], queryFn: () => dinerApi.lookupTable(qrToken), retry: false });
  const guest = useQuery({ queryKey: ['guest', qrToken], queryFn: () => guestFor(qrToken), enabled: table.isSuccess, retry: false, staleTime: Infinity });
  const rid = table.data?.restaurant_id;
  const tableLabel = table.data ? (table.data.label ?? `Table ${table.data.table_number}`) : '';
  const menu = useQuery({ queryKey: ['menu', rid], queryFn: () => dinerApi.menu(rid ?? ''), enabled: !!rid });
  const joined = useQuery({ queryKey: ['join', qrToken], queryFn: () => dinerApi.joinSession(tableLabel), enabled: guest.isSuccess, retry: 1, staleTime: Infinity });
  const sessionId = joined.data?.id ?? null;
  const sessionKey = useMemo(() => ['session', sessionId], [sessionId]);
  const session = useQuery({
    queryKey: sessionKey,
    queryFn: () => dinerApi.session(sessionId ?? ''),
    enabled: !!sessionId,
    initialData: joined.data,
  });

  // menu items seen so far, so an 86'd item greys out instead of vanishing
  const [seen, setSeen] = useState<Parameters<typeof rememberMenu>[0]>({});
  const [availability, setAvailability] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (menu.data) {
      const data = menu.data;
      setSeen((s) => rememberMenu(s, data));
    }
  }, [menu.data]);

  const onLive = useCallback(
    (message: LiveMessage) => {
      if (message.kind === 'snapshot' && message.scope === 'session') {
        queryClient.setQueryData(sessionKey, message.session);
        // a snapshot after a gap: menu changes may have been missed too
        void queryClient.invalidateQueries({ queryKey: ['menu', rid] });
        return;
      }
      if (message.kind !== 'event') return;
      const event = message.event;
      if (event.type.startsWith('order.')) {
        const order = (event as EventEnvelope<Order>).data;
        queryClient.setQueryData<TableSession>(sessionKey, (s) => (s ? { ...s, orders: upsert(s.orders, order) } : s));
      } else if (event.type.startsWith('session.') && event.type !== 'session.service_requested') {
        const summary = (event as EventEnvelope<SessionSummary>).data;
        queryClient.setQueryData<TableSession>(sessionKey, (s) => (s ? { ...s, ...summary, orders: s.orders, diners: s.diners } : s));
      } else if (event.type === 'menu.item_availability_changed') {
        const data = (event as EventEnvelope<{ menu_item_id: string; is_available: boolean }>).data;
        setAvailability((a) => ({ ...a, [data.menu_item_id]: data.is_available }));
        void queryClient.invalidateQueries({ queryKey: ['menu', rid] });
      }
    },
    [queryClient, sessionKey, rid],
  );
  const live = useLiveSocket(sessionId ? `/ws/sessions/${sessionId}` : null, guestToken, renewGuestToken, onLive);

  const [filter, setFilter] = useState<MenuFilter>({ avoidAllergens: [], requireTags: [] });
  const [picking, setPicking] = useState<PublicMenuEntry | null>(null);
  const [cartOpen, setCartOpen] = useState(false);
  const [billOpen, setBillOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const cart = useCart();
  useEffect(() => {
    useCart.getState().forTable(qrToken);
  }, [qrToken]);

  const categories = useMemo(() => (menu.data ? shownMenu(menu.data, seen, availability) : []), [menu.data, seen, availability]);
  const allergens = useMemo(() => [...new Set(categories.flatMap((c) => c.items.flatMap((i) => i.allergens)))].sort(), [categories]);
  const tags = useMemo(() => [...new Set(categories.flatMap((c) => c.items.flatMap((i) => i.dietary_tags)))].sort(), [categories]);
  const currency = menu.data?.restaurant.currency ?? table.data?.currency ?? 'EUR';

  const idempotencyKey = useRef<string>(crypto.randomUUID());
  const place = useMutation({
    mutationFn: () =>
      dinerApi.placeOrder(
        { table_label: tableLabel, items: cart.lines.map((l) => ({ menu_item_id: l.menuItemId, quantity: l.quantity, modifier_option_ids: l.optionIds, note: l.note || undefined })) },
        idempotencyKey.current,
      ),
    onSuccess: (order) => {
      idempotencyKey.current = crypto.randomUUID();
      cart.clear();
      setCartOpen(false);
      setNotice('Order sent. You can follow it below.');
      queryClient.setQueryData<TableSession>(sessionKey, (s) => (s ? { ...s, orders: upsert(s.orders, order) } : s));
      // the tab was closed meanwhile and this order opened the table's next one: follow it
      if (order.session_id && order.session_id !== sessionId) void queryClient.invalidateQueries({ queryKey: ['join', qrToken] });
    },
  });
  const service = useMutation({
    mutationFn: (kind: 'bill') => dinerApi.serviceRequest(sessionId ?? '', kind),
    onSuccess: () => setNotice('The waiter will bring the bill.'),
  });
  // the waiter call has its own state: during the cooldown the button says when it was called (fault 5)
  const [waiterCall, setWaiterCall] = useState<WaiterCall | null>(null);
  const [, rerender] = useState(0);
  useEffect(() => setWaiterCall(sessionId ? loadCall(sessionId) : null), [sessionId]);
  useEffect(() => {
    if (!waiterCall) return undefined;
    const left = waiterCall.until - Date.now();
    if (left <= 0) return undefined;
    const timer = setTimeout(() => rerender((n) => n + 1), left + 50);
    return () => clearTimeout(timer);
  }, [waiterCall]);
  const holdWaiter = (call: WaiterCall) => {
    setWaiterCall(call);
    if (sessionId) saveCall(sessionId, call);
  };
  const callWaiter = useMutation({
    mutationFn: () => dinerApi.serviceRequest(sessionId ?? '', 'waiter'),
    onSuccess: (requested) => {
      holdWaiter(afterCall(requested.requested_at, Date.now()));
      setNotice('A waiter is on the way.');
    },
    onError: (error) => {
      const held = afterRefusal(error, waiterCall, Date.now());
      if (held) holdWaiter(held);
    },
  });
  const waiterError = callWaiter.error instanceof ApiError && callWaiter.error.status === 429 ? null : callWaiter.error;
  const cancel = useMutation({
    mutationFn: (id: string) => dinerApi.cancelOrder(id),
    onSuccess: (order) => queryClient.setQueryData<TableSession>(sessionKey, (s) => (s ? { ...s, orders: upsert(s.orders, order) } : s)),
  });

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

  const restaurant = menu.data.restaurant;
  const orders = session.data?.orders ?? [];
  const sessionClosed = session.data && session.data.status !== 'open';
  const count = cartCount(cart.lines);
  const total = cartTotalCents(cart.lines);
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <div className="mx-auto min-h-screen max-w-2xl pb-28">
      <header className="sticky top-0 z-10 flex items-center gap-3 border-b border-stone-200 bg-white/95 px-4 py-3 backdrop-blur">
        {restaurant.logo_url && <img src={restaurant.logo_url} alt="" className="h-10 w-10 rounded-full object-cover" />}
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-lg font-bold">{restaurant.name}</h1>
          <p className="text-sm text-stone-700">{tableLabel}</p>
        </div>
        {(() => {
          const button = waiterButton(waiterCall, Date.now(), restaurant.time_zone);
          return (
            <Button variant="secondary" onClick={() => callWaiter.mutate()} disabled={!sessionId || callWaiter.isPending || button.disabled} className="min-h-11" data-testid="call-waiter">
              {button.label}
            </Button>
          );
        })()}
      </header>

      {live.status === 'reconnecting' && (
        <p role="status" className="bg-amber-100 px-4 py-2 text-sm text-amber-950">
          Live updates paused — reconnecting…
        </p>
      )}
      {live.status === 'resyncing' && (
        <p role="status" className="bg-amber-100 px-4 py-2 text-sm text-amber-950">
          Catching up on your table's orders…
        </p>
      )}
      {sessionClosed && (
        <p role="status" className="bg-stone-200 px-4 py-2 text-sm">
          This table's tab is closed. Thank you for your visit!
        </p>
      )}
      {notice && (
        <p role="status" className="flex items-center justify-between bg-emerald-100 px-4 py-2 text-sm text-emerald-950">
          {notice}
          <button type="button" className="underline" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </p>
      )}
      <ErrorBox error={waiterError} className="mx-4 mt-2" />
      <ErrorBox error={service.error} className="mx-4 mt-2" />
      <ErrorBox error={joined.error} className="mx-4 mt-2" />

      {(allergens.length > 0 || tags.length > 0) && (
        <section aria-labelledby="filter-heading" className="border-b border-stone-200 px-4 py-3">
          <h2 id="filter-heading" className="sr-only">
            Filter the menu
          </h2>
          {tags.length > 0 && (
            <fieldset className="mb-2">
              <legend className="text-xs font-semibold uppercase text-stone-700">Only show</legend>
              <div className="mt-1 flex flex-wrap gap-2">
                {tags.map((t) => (
                  <label key={t} className={`flex min-h-9 cursor-pointer items-center gap-1 rounded-full border px-3 text-sm has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-700 ${filter.requireTags.includes(t) ? 'border-emerald-700 bg-emerald-100' : 'border-stone-300 bg-white'}`}>
                    <input type="checkbox" className="sr-only" checked={filter.requireTags.includes(t)} onChange={() => setFilter((f) => ({ ...f, requireTags: toggle(f.requireTags, t) }))} />
                    {words(t)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {allergens.length > 0 && (
            <fieldset>
              <legend className="text-xs font-semibold uppercase text-stone-700">Hide dishes with</legend>
              <div className="mt-1 flex flex-wrap gap-2">
                {allergens.map((a) => (
                  <label key={a} className={`flex min-h-9 cursor-pointer items-center gap-1 rounded-full border px-3 text-sm has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-700 ${filter.avoidAllergens.includes(a) ? 'border-red-700 bg-red-100' : 'border-stone-300 bg-white'}`}>
                    <input type="checkbox" className="sr-only" checked={filter.avoidAllergens.includes(a)} onChange={() => setFilter((f) => ({ ...f, avoidAllergens: toggle(f.avoidAllergens, a) }))} />
                    {words(a)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
        </section>
      )}

      <nav aria-label="Categories" className="flex gap-2 overflow-x-auto px-4 py-2">
        {categories.map((c) => (
          <a key={c.id} href={`#cat-${c.id}`} className="whitespace-nowrap rounded-full bg-stone-200 px-3 py-1 text-sm font-medium text-stone-900">
            {c.name}
          </a>
        ))}
      </nav>

      <main>
        {categories.length === 0 && <p className="p-6 text-center text-stone-700">The menu is empty right now.</p>}
        {categories.map((c) => {
          const items = c.items.filter((i) => passesFilter(i, filter));
          return (
            <section key={c.id} id={`cat-${c.id}`} aria-labelledby={`cat-h-${c.id}`} className="px-4 py-3">
              <h2 id={`cat-h-${c.id}`} className="mb-2 text-xl font-bold">
                {c.name}
              </h2>
              {items.length === 0 && <p className="text-sm text-stone-600">Nothing here matches your filter.</p>}
              <ul className="flex flex-col gap-3">
                {items.map((item) => (
                  <MenuCard key={item.id} item={item} currency={currency} onPick={() => setPicking(item)} />
                ))}
              </ul>
            </section>
          );
        })}

        <section aria-labelledby="orders-heading" className="px-4 py-3" data-testid="table-orders">
          <h2 id="orders-heading" className="mb-2 text-xl font-bold">
            Your table's orders
          </h2>
          {orders.length === 0 ? (
            <p className="text-sm text-stone-600">No orders yet. Everyone at this table sees orders here as they are placed.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {orders.map((o) => (
                <li key={o.id} className="rounded-lg border border-stone-300 bg-white p-3" data-testid="diner-order" data-order-id={o.id}>
                  <div className="flex items-center justify-between">
                    <span className="text-sm text-stone-700">{new Date(o.created_at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</span>
                    <Badge tone={statusTone(o.status)}>
                      <span data-testid="order-status">{STATUS_WORDS[o.status] ?? o.status}</span>
                    </Badge>
                  </div>
                  <ul className="mt-1 text-sm">
                    {o.items.map((i, n) => (
                      <li key={n}>
                        {i.quantity} × {i.name}
                        {i.modifiers.length > 0 && <span className="text-stone-600"> ({i.modifiers.map((m) => m.name).join(', ')})</span>}
                      </li>
                    ))}
                  </ul>
                  <div className="mt-1 flex items-center justify-between">
                    <span className="font-semibold">{formatMoney(o.total_amount, o.currency)}</span>
                    {o.status === 'PENDING' && (
                      <Button variant="ghost" onClick={() => cancel.mutate(o.id)} disabled={cancel.isPending}>
                        Cancel
                      </Button>
                    )}
                  </div>
                  {(o.status === 'SERVED' || o.status === 'COMPLETED') && <RateOrder orderId={o.id} />}
                </li>
              ))}
            </ul>
          )}
          <ErrorBox error={cancel.error} className="mt-2" />
          {orders.length > 0 && sessionId && (
            <Button
              variant="secondary"
              className="mt-3 min-h-11 w-full"
              onClick={() => {
                setBillOpen(true);
                service.mutate('bill');
              }}
            >
              Request the bill
            </Button>
          )}
        </section>
      </main>

      {count > 0 && (
        <div className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200 bg-white p-3">
          <Button className="mx-auto flex min-h-12 w-full max-w-2xl" onClick={() => setCartOpen(true)}>
            View order ({count}) · {formatMoney(total / 100, currency)}
          </Button>
        </div>
      )}

      {picking && (
        <ModifierSheet
          item={picking}
          currency={currency}
          onClose={() => setPicking(null)}
          onAdd={(line) => {
            cart.add({ menuItemId: picking.id, name: picking.name, optionIds: line.optionIds, optionNames: line.optionNames, unitCents: line.unitCents, note: line.note }, line.quantity);
            setPicking(null);
          }}
        />
      )}

      <Modal open={cartOpen} onOpenChange={setCartOpen} title="Your order" side>
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
              <span>{formatMoney(total / 100, currency)}</span>
            </p>
            <ErrorBox error={place.error} />
            <Button className="min-h-12" onClick={() => place.mutate()} disabled={place.isPending || !guest.isSuccess}>
              {place.isPending ? 'Sending…' : 'Place order'}
            </Button>
          </div>
        )}
      </Modal>

      {billOpen && sessionId && <BillSheet sessionId={sessionId} onClose={() => setBillOpen(false)} />}
    </div>
  );
}

function MenuCard({ item, currency, onPick }: { item: ShownItem; currency: string; onPick: () => void }) {
  return (
    <li
      className={`flex gap-3 rounded-xl border border-stone-200 bg-white p-3 ${item.available ? '' : 'opacity-50 grayscale'}`}
      data-testid="menu-item"
      data-item-id={item.id}
      data-available={item.available}
    >
      {item.image_url && <img src={item.image_url} alt={item.name} loading="lazy" className="h-20 w-20 flex-none rounded-lg object-cover" />}
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-start justify-between gap-2">
          <h3 className="font-semibold">{item.name}</h3>
          <span className="whitespace-nowrap font-semibold">{formatMoney(item.price, currency)}</span>
        </div>
        {item.description && <p className="text-sm text-stone-700">{item.description}</p>}
        <div className="flex flex-wrap gap-1">
          {item.dietary_tags.map((t) => (
            <Badge key={t} tone="green">
              {words(t)}
            </Badge>
          ))}
          {item.allergens.map((a) => (
            <Badge key={a} tone="amber">
              <span className="sr-only">Contains </span>
              {words(a)}
            </Badge>
          ))}
        </div>
        <div className="flex justify-end">
          {item.available ? (
            <Button onClick={onPick} className="min-h-11" aria-label={`Add ${item.name}`}>
              Add
            </Button>
          ) : (
            <Badge tone="stone">Sold out</Badge>
          )}
        </div>
      </div>
    </li>
  );
}
