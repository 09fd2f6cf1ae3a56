import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** The sheets a diner opens over the menu. */
export type Sheet = { kind: 'item'; itemId: string } | { kind: 'cart' } | { kind: 'bill' } | { kind: 'filters' };

export function sheetOf(state: unknown): Sheet | null {
  const sheet = (state as { sheet?: Sheet } | null)?.sheet;
  return sheet && typeof sheet.kind === 'string' ? sheet : null;
}

/**
 * The open sheet lives in the browser history (issue 17, fault 8): opening one pushes an entry, so the
 * phone's Back button closes the sheet instead of leaving the menu, and closing it by hand goes back
 * over that entry. A sheet opened from another takes its entry's place, so one Back still reaches the menu.
 */
export function useSheet() {
  const location = useLocation();
  const navigate = useNavigate();
  const sheet = sheetOf(location.state);
  // the entry a close already went back from: a second close (the sheet's own and the dialog's) must not leave the page
  const leaving = useRef<string | null>(null);
  useEffect(() => {
    // arrived elsewhere (Back, or Forward onto a sheet again): the next close is a real one
    if (leaving.current !== location.key) leaving.current = null;
  }, [location.key]);
  const here = { pathname: location.pathname, search: location.search, hash: location.hash };

  const open = (next: Sheet) => navigate(here, { state: { sheet: next }, replace: sheet !== null });
  const close = () => {
    if (!sheet || leaving.current === location.key) return;
    leaving.current = location.key;
    // the entry that opening pushed: going back over it is what Back would have done
    navigate(-1);
  };
  return { sheet, open, close };
}
