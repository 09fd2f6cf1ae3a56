import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { LiveMessage, TableSession } from '../api/types';
import { isOrderEvent, isSessionEvent } from '../live/events';
import { useLiveSocket } from '../live/useLiveSocket';
import { guestToken, renewGuestToken } from './guest';
import { withAvailability, type DinerMenu } from './menuView';
import { dinerKeys, refreshDiners, storeOrder } from './useDinerTable';

/**
 * How long a menu change waits before the menu is read again: a manager's edits come in bursts, and the
 * restaurant drops its cached menu just after the change commits, so a read at once could get the old one.
 */
const MENU_REREAD_MS = 300;

/** The table session's live connection: its snapshot and events update the session and menu in the cache. */
export function useTableLive(sessionId: string | null, rid: string | undefined) {
  const queryClient = useQueryClient();
  const reread = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(reread.current), []);
  const onLive = useCallback(
    (message: LiveMessage) => {
      const menuKey = dinerKeys.menu(rid);
      if (message.kind === 'snapshot' && message.scope === 'session') {
        queryClient.setQueryData(dinerKeys.session(sessionId), message.session);
        // a snapshot after a gap: menu changes may have been missed too
        void queryClient.invalidateQueries({ queryKey: menuKey });
        return;
      }
      if (message.kind !== 'event') return;
      const event = message.event;
      if (isOrderEvent(event)) {
        storeOrder(queryClient, sessionId, event.data);
      } else if (isSessionEvent(event)) {
        const summary = event.data;
        const before = queryClient.getQueryData<TableSession>(dinerKeys.session(sessionId));
        queryClient.setQueryData<TableSession>(dinerKeys.session(sessionId), (s) => (s ? { ...s, ...summary, orders: s.orders, diners: s.diners } : s));
        // an update that leaves the tab's total as it was is someone joining the table or giving a name
        // (an order added or cancelled changes the total): learn who is there now
        if (event.type === 'session.updated' && before && before.total_amount === summary.total_amount) void refreshDiners(queryClient, sessionId);
      } else if (event.type === 'menu.item_availability_changed') {
        const data = event.data;
        queryClient.setQueryData<DinerMenu>(menuKey, (m) => (m ? withAvailability(m, data.menu_item_id, data.is_available) : m));
        void queryClient.invalidateQueries({ queryKey: menuKey });
      } else if (event.type === 'menu.changed') {
        // new items, prices, pictures, categories: read the whole menu again, once per burst
        clearTimeout(reread.current);
        reread.current = setTimeout(() => void queryClient.invalidateQueries({ queryKey: menuKey }), MENU_REREAD_MS);
      }
    },
    [queryClient, sessionId, rid],
  );
  return useLiveSocket(sessionId ? `/ws/sessions/${sessionId}` : null, guestToken, renewGuestToken, onLive);
}
