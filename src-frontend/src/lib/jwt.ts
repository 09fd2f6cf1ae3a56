import type { Role, Uuid } from '../api/types';

export interface Claims {
  sub: string;
  username?: string;
  upn?: string;
  groups?: string[] | string;
  restaurant_id?: Uuid | null;
  table_id?: Uuid;
  exp: number;
}

/** The token's claims, read without verifying (the services verify; the app only needs to know who it is). */
export function decodeJwt(token: string): Claims | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const json = decodeURIComponent(
      Array.from(atob(padded), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
    );
    return JSON.parse(json) as Claims;
  } catch {
    return null;
  }
}

export function roleOf(claims: Claims | null): Role | null {
  if (!claims?.groups) return null;
  const groups = Array.isArray(claims.groups) ? claims.groups : [claims.groups];
  return (groups[0] as Role | undefined) ?? null;
}
