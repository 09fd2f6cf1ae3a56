import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { LiveMessage, Order } from '../api/types';
import { useSession } from '../auth/session';
import { useLiveSocket } from '../live/useLiveSocket';
import { boardReducer, EMPTY_BOARD, type BoardState } from './board';
import { TICKET_TONES } from '../lib/sound';
import { useChime } from '../lib/useChime';

const boardKey = (rid: string | null) => ['kitchen-board', rid];

/**
 * The restaurant's active tickets. They are server state, kept in the query cache, but never fetched:
 * the kitchen socket's snapshot fills the board and its events move the tickets.
 */
export function useKitchenBoard(rid: string | null) {
  const queryClient = useQueryClient();
  const session = useSession();
  const board = useQuery<BoardState>({ queryKey: boardKey(rid), queryFn: skipToken, initialData: EMPTY_BOARD }).data ?? EMPTY_BOARD;
  const apply = useCallback(
    (message: LiveMessage | { kind: 'local'; order: Order }) => queryClient.setQueryData<BoardState>(boardKey(rid), (b) => boardReducer(b ?? EMPTY_BOARD, message)),
    [queryClient, rid],
  );
  const live = useLiveSocket(rid ? `/ws/kitchen/${rid}` : null, session.freshToken, session.refresh, apply);
  return { board, live, apply };
}

/**
 * The chime for new tickets: on unless this screen turned it off; the "tap once" hint shows until this
 * screen's first tap ever (`useChime`).
 */
export function useKitchenSound(newTickets: number) {
  return useChime('tavola.kitchen', newTickets, TICKET_TONES);
}

/** A clock that ticks every second, for the tickets' ages. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
