import { create } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
import { ApiError, request, setTokenSource } from '../api/client';
import type { Role, TokenPair, Uuid } from '../api/types';
import { decodeJwt, roleOf } from '../lib/jwt';

export interface StaffUser {
  id: string;
  username: string;
  role: Role;
  restaurantId: Uuid | null;
}

interface SessionState {
  accessToken: string | null;
  refreshToken: string | null;
  user: StaffUser | null;
  /** Restaurant a master admin is working on (staff always work on their own). */
  selectedRestaurantId: Uuid | null;
  login(username: string, password: string): Promise<StaffUser>;
  logout(): Promise<void>;
  /** New tokens from the refresh token; one call at a time, shared by everyone who asks meanwhile. */
  refresh(): Promise<string | null>;
  /** The access token, refreshed first when it expires within 30 s. */
  freshToken(): Promise<string | null>;
  selectRestaurant(id: Uuid | null): void;
  clear(): void;
}

export function userFromToken(accessToken: string): StaffUser | null {
  const claims = decodeJwt(accessToken);
  const role = roleOf(claims);
  if (!claims || !role) return null;
  return { id: claims.sub, username: claims.username ?? claims.upn ?? '', role, restaurantId: claims.restaurant_id ?? null };
}

function expiresSoon(accessToken: string, nowMs: number): boolean {
  const claims = decodeJwt(accessToken);
  return !claims || claims.exp * 1000 - nowMs < 30_000;
}

let inFlight: Promise<string | null> | null = null;

export const useSession = create<SessionState>()(
  persist(
    (set, get) => ({
      accessToken: null,
      refreshToken: null,
      user: null,
      selectedRestaurantId: null,

      async login(username, password) {
        const pair = await request<TokenPair>('/api/v1/auth/login', { method: 'POST', body: { username, password }, auth: 'none' });
        const user = userFromToken(pair.access_token);
        if (!user) throw new ApiError(500, { title: 'Unreadable token', detail: 'The login answer could not be read.' });
        if (user.role === 'customer' || user.role === 'guest') {
          throw new ApiError(403, { title: 'Staff only', detail: 'This console is for restaurant staff.' });
        }
        set({ accessToken: pair.access_token, refreshToken: pair.refresh_token, user });
        return user;
      },

      async logout() {
        const { accessToken, refreshToken } = get();
        get().clear();
        try {
          await request<void>('/api/v1/auth/logout', {
            method: 'POST',
            body: { refresh_token: refreshToken },
            auth: 'none',
            headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
          });
        } catch {
          // the local session is gone either way; the refresh token expires on its own
        }
      },

      refresh() {
        if (inFlight) return inFlight;
        const refreshToken = get().refreshToken;
        if (!refreshToken) return Promise.resolve(null);
        inFlight = request<TokenPair>('/api/v1/auth/refresh', { method: 'POST', body: { refresh_token: refreshToken }, auth: 'none' })
          .then((pair) => {
            set({ accessToken: pair.access_token, refreshToken: pair.refresh_token, user: userFromToken(pair.access_token) });
            return pair.access_token;
          })
          .catch((error: unknown) => {
            // a refused refresh token (expired, revoked, reused) ends the session; a network error keeps it
            if (error instanceof ApiError && error.status >= 400 && error.status < 500) get().clear();
            return null;
          })
          .finally(() => {
            inFlight = null;
          });
        return inFlight;
      },

      async freshToken() {
        const token = get().accessToken;
        if (!token) return null;
        if (expiresSoon(token, Date.now())) return get().refresh();
        return token;
      },

      selectRestaurant(id) {
        set({ selectedRestaurantId: id });
      },

      clear() {
        set({ accessToken: null, refreshToken: null, user: null, selectedRestaurantId: null });
      },
    }),
    {
      name: 'tavola.staff-session',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ accessToken: s.accessToken, refreshToken: s.refreshToken, user: s.user, selectedRestaurantId: s.selectedRestaurantId }),
    },
  ),
);

setTokenSource('staff', {
  current: () => useSession.getState().freshToken(),
  renew: () => useSession.getState().refresh(),
});

/** The restaurant the staff member works on: their own, or the one a master admin picked. */
export function currentRestaurantId(state: Pick<SessionState, 'user' | 'selectedRestaurantId'>): Uuid | null {
  if (!state.user) return null;
  return state.user.role === 'master_admin' ? state.selectedRestaurantId : state.user.restaurantId;
}
