import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { LiveMessage, TableSession } from '../api/types';
import { isOrderEvent, isSessionEvent } from '../live/events';
import { useLiveSocket } from '../live/useLiveSocket';
import { guestToken, renewGuestToken } from './guest';
import { withAvailability, type DinerMenu } from './menuView';
import { dinerKeys, storeOrder } from './useDinerTable';

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
        queryClient.setQueryData<TableSession>(dinerKeys.session(sessionId), (s) => (s ? { ...s, ...summary, orders: s.orders, diners: s.diners } : s));
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
