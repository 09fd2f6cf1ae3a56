import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { dinerApi } from '../api/endpoints';
import type { Diner, Order, TableSession } from '../api/types';
import { decodeJwt } from '../lib/jwt';
import { upsertOrder } from '../lib/orders';
import { rememberedName } from './dinerName';
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

/** The diner's own place at the table, as the orders service answered a change of name. */
export function storeDiner(queryClient: QueryClient, sessionId: string | null, diner: Diner): void {
  queryClient.setQueryData<TableSession>(dinerKeys.session(sessionId), (s) =>
    s ? { ...s, diners: s.diners.some((d) => d.user_id === diner.user_id) ? s.diners.map((d) => (d.user_id === diner.user_id ? diner : d)) : [...s.diners, diner] } : s,
  );
}

/**
 * Reads again who is at the table (someone joined or gave a name). Only the diners are taken from the
 * answer: the orders in the cache follow the live events, which a plain read could be behind.
 */
export async function refreshDiners(queryClient: QueryClient, sessionId: string | null): Promise<void> {
  try {
    const current = await dinerApi.currentSession();
    if (current.id !== sessionId) return;
    queryClient.setQueryData<TableSession>(dinerKeys.session(sessionId), (s) => (s ? { ...s, diners: current.diners } : s));
  } catch {
    // the tab closed meanwhile, or the read failed: the next snapshot brings the diners
  }
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
  // a name the diner gave at this table before comes along, so the others see it at once
  const joined = useQuery({
    queryKey: dinerKeys.join(qrToken),
    queryFn: () => dinerApi.joinSession(tableLabel, rememberedName(qrToken) ?? null),
    enabled: guest.isSuccess,
    retry: 1,
    staleTime: Infinity,
  });
  const sessionId = joined.data?.id ?? null;
  const session = useQuery({
    queryKey: dinerKeys.session(sessionId),
    queryFn: () => dinerApi.session(sessionId ?? ''),
    enabled: !!sessionId,
    initialData: joined.data,
  });
  const currency = menu.data?.latest.restaurant.currency ?? table.data?.currency ?? 'EUR';
  /** The diner's own id at the table (its guest token's subject): its place in `diners`, its part of the bill. */
  const me = guest.data ? (decodeJwt(guest.data.access_token)?.sub ?? null) : null;
  return { qrToken, table, guest, menu, joined, session, rid, tableLabel, sessionId, currency, me };
}

export type DinerTable = ReturnType<typeof useDinerTable>;
