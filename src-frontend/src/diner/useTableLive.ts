import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { LiveMessage, TableSession } from '../api/types';
import { isOrderEvent, isSessionEvent } from '../live/events';
import { useLiveSocket } from '../live/useLiveSocket';
import { guestToken, renewGuestToken } from './guest';
import { withAvailability, type DinerMenu } from './menuView';
import { dinerKeys, refreshDiners, storeOrder } from './useDinerTable';

/** The table session's live connection: its snapshot and events update the session and menu in the cache. */
export function useTableLive(sessionId: string | null, rid: string | undefined) {
  const queryClient = useQueryClient();
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
      }
    },
    [queryClient, sessionId, rid],
  );
  return useLiveSocket(sessionId ? `/ws/sessions/${sessionId}` : null, guestToken, renewGuestToken, onLive);
}
