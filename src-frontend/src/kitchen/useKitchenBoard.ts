import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveMessage, Order } from '../api/types';
import { useSession } from '../auth/session';
import { useLiveSocket } from '../live/useLiveSocket';
import { boardReducer, EMPTY_BOARD, type BoardState } from './board';
import { chime, unlockSound } from './sound';

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

const SOUND_KEY = 'tavola.kitchen.sound';
const HINT_KEY = 'tavola.kitchen.soundHint';

/**
 * The chime for new tickets: on unless this screen turned it off; browsers let it play after the first tap.
 * The "tap once" hint shows until this screen's first tap ever (remembered in its storage): a kitchen
 * screen's crew knows it after that, and the first tap of each later day still unlocks the sound.
 */
export function useKitchenSound(newTickets: number) {
  const [soundOn, setSoundOn] = useState(() => localStorage.getItem(SOUND_KEY) !== 'off');
  const [unlocked, setUnlocked] = useState(false);
  const [hintSeen, setHintSeen] = useState(() => localStorage.getItem(HINT_KEY) === 'seen');
  const rung = useRef(0);

  useEffect(() => {
    localStorage.setItem(SOUND_KEY, soundOn ? 'on' : 'off');
    if (!soundOn || unlocked) return undefined;
    const unlock = () => {
      setUnlocked(unlockSound());
      localStorage.setItem(HINT_KEY, 'seen');
      setHintSeen(true);
    };
    // on click, not pointerdown: the hint disappearing mid-tap would move the button under the finger
    window.addEventListener('click', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('click', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, [soundOn, unlocked]);

  useEffect(() => {
    if (newTickets > rung.current && soundOn) chime();
    rung.current = newTickets;
  }, [newTickets, soundOn]);

  return { soundOn, toggle: () => setSoundOn((on) => !on), needsTap: soundOn && !unlocked && !hintSeen };
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
