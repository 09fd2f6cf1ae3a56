import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { dinerApi } from '../api/endpoints';
import type { Order, TableSession } from '../api/types';
import { upsertOrder } from '../lib/orders';
import { guestFor } from './guest';
import { mergeMenu, type DinerMenu } from './menuView';

/** The query keys of the diner's server state, in one place. */
export const dinerKeys = {
  table: (qrToken: string) => ['table', qrToken],
  guest: (qrToken: string) => ['guest', qrToken],
  menu: (rid: string | undefined) => ['menu', rid],
  join: (qrToken: string) => ['join', qrToken],
  session: (sessionId: string | null) => ['session', sessionId],
};

/** An order (placed, cancelled, or changed live) written into the table session in the cache. */
export function storeOrder(queryClient: QueryClient, sessionId: string | null, order: Order): void {
  queryClient.setQueryData<TableSession>(dinerKeys.session(sessionId), (s) => (s ? { ...s, orders: upsertOrder(s.orders, order) } : s));
}

/**
 * Everything the page behind a QR code loads from the server: the table, the guest token, the menu
 * (merged into what the page saw before, so an 86'd item greys out instead of vanishing) and the table's
 * session (its tab, with every order placed at the table).
 */
export function useDinerTable(qrToken: string) {
  const queryClient = useQueryClient();
  const table = useQuery({ queryKey: dinerKeys.table(qrToken), queryFn: () => dinerApi.lookupTable(qrToken), retry: false });
  const guest = useQuery({ queryKey: dinerKeys.guest(qrToken), queryFn: () => guestFor(qrToken), enabled: table.isSuccess, retry: false, staleTime: Infinity });
  const rid = table.data?.restaurant_id;
  const tableLabel = table.data ? (table.data.label ?? `Table ${table.data.table_number}`) : '';
  const menu = useQuery({
    queryKey: dinerKeys.menu(rid),
    queryFn: async () => mergeMenu(queryClient.getQueryData<DinerMenu>(dinerKeys.menu(rid)), await dinerApi.menu(rid ?? '')),
    enabled: !!rid,
  });
  const joined = useQuery({ queryKey: dinerKeys.join(qrToken), queryFn: () => dinerApi.joinSession(tableLabel), enabled: guest.isSuccess, retry: 1, staleTime: Infinity });
  const sessionId = joined.data?.id ?? null;
  const session = useQuery({
    queryKey: dinerKeys.session(sessionId),
    queryFn: () => dinerApi.session(sessionId ?? ''),
    enabled: !!sessionId,
    initialData: joined.data,
  });
  const currency = menu.data?.latest.restaurant.currency ?? table.data?.currency ?? 'EUR';
  return { qrToken, table, guest, menu, joined, session, rid, tableLabel, sessionId, currency };
}

export type DinerTable = ReturnType<typeof useDinerTable>;
