import { useCallback, useReducer, useState } from 'react';
import { describeError } from '../api/client';
import { staffApi } from '../api/endpoints';
import type { Order } from '../api/types';
import { isOnBoard, NEXT_STATUS } from './board';
import { tapsReducer } from './taps';

/**
 * One tap per ticket at a time: it shows as pending until the server confirmed it, and a failure stays.
 * A ticket bumped off the board is remembered, so it can be recalled.
 */
export function useTicketTaps(onSaved: (order: Order) => void) {
  const [taps, dispatch] = useReducer(tapsReducer, {});
  const [lastBumped, setLastBumped] = useState<Order | null>(null);
  const [recalled, setRecalled] = useState(false);
  const advance = useCallback(
    async (order: Order) => {
      const to = NEXT_STATUS[order.status];
      if (!to) return;
      dispatch({ kind: 'sent', orderId: order.id, to });
      try {
        const saved = await staffApi.setOrderStatus(order.id, to);
        dispatch({ kind: 'confirmed', orderId: order.id });
        onSaved(saved);
        if (!isOnBoard(saved.status)) {
          setLastBumped(saved);
          setRecalled(false);
        }
      } catch (error) {
        const { title, detail } = describeError(error);
        dispatch({ kind: 'failed', orderId: order.id, reason: detail ? `${title}: ${detail}` : title });
      }
    },
    [onSaved],
  );
  return { taps, advance, lastBumped, recalled, setRecalled };
}
