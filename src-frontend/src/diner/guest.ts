import { setTokenSource } from '../api/client';
import { dinerApi } from '../api/endpoints';
import type { GuestToken } from '../api/types';
import { decodeJwt } from '../lib/jwt';

/** The diner's guest token for one table, kept for the tab's life and minted again from the QR code when it expires. */
let qrToken: string | null = null;
let token: string | null = null;
let pending: Promise<GuestToken> | null = null;

function storageKey(qr: string) {
  return `tavola.guest.${qr}`;
}

export async function guestFor(qr: string): Promise<GuestToken> {
  if (qrToken !== qr) {
    qrToken = qr;
    token = null;
    pending = null;
  }
  const stored = sessionStorage.getItem(storageKey(qr));
  if (stored) {
    const parsed = JSON.parse(stored) as GuestToken;
    const exp = decodeJwt(parsed.access_token)?.exp ?? 0;
    if (exp * 1000 - Date.now() > 60_000) {
      token = parsed.access_token;
      return parsed;
    }
  }
  return mint(qr);
}

function mint(qr: string): Promise<GuestToken> {
  if (!pending) {
    pending = dinerApi
      .guestToken(qr)
      .then((g) => {
        sessionStorage.setItem(storageKey(qr), JSON.stringify(g));
        token = g.access_token;
        return g;
      })
      .finally(() => {
        pending = null;
      });
  }
  return pending;
}

/** The guest token, minted again from the QR code shortly before it expires (a phone left open for hours). */
export function guestToken(): Promise<string | null> {
  const exp = token ? (decodeJwt(token)?.exp ?? 0) : 0;
  if (token && exp * 1000 - Date.now() < 60_000) return renew();
  return Promise.resolve(token);
}

async function renew(): Promise<string | null> {
  if (!qrToken) return null;
  sessionStorage.removeItem(storageKey(qrToken));
  try {
    return (await mint(qrToken)).access_token;
  } catch {
    return null;
  }
}

export const renewGuestToken = renew;

setTokenSource('guest', { current: guestToken, renew });
