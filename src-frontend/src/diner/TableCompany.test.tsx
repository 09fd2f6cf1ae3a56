import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dinerApi } from '../api/endpoints';
import type { Diner } from '../api/types';
import { rememberedName } from './dinerName';
import { TableCompany } from './TableCompany';

const diner = (id: string, name: string | null): Diner => ({ user_id: id, role: 'guest', joined_at: '2026-12-01T19:00:00Z', name });

function show(diners: Diner[]) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TableCompany qrToken="qr" sessionId="s" me="me" diners={diners} />
    </QueryClientProvider>,
  );
}

describe("the diner's name and company at the table", () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('asks once: "Not now" is remembered for the table, and the others are named either way', () => {
    show([diner('me', null), diner('ben', 'Ben')]);
    expect(screen.getByRole('form', { name: 'Your name at this table' })).toBeTruthy();
    expect(screen.getByTestId('others-at-table').textContent).toBe('Also at this table: Ben');
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('form')).toBeNull();
    expect(rememberedName('qr')).toBeNull();
    cleanup();
    show([diner('me', null)]);
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('button', { name: 'Add your name' })).toBeTruthy();
  });

  it('saves a name the orders service will take, remembers it, and refuses one that is not a name', async () => {
    const nameMe = vi.spyOn(dinerApi, 'nameMe').mockImplementation(async (_session, name) => diner('me', name));
    show([diner('me', null)]);
    const field = screen.getByLabelText(/Your first name/);
    fireEvent.change(field, { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText(/with at least one letter/)).toBeTruthy();
    expect(nameMe).not.toHaveBeenCalled();
    fireEvent.change(field, { target: { value: '  Ada ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(nameMe).toHaveBeenCalledWith('s', 'Ada');
    expect(rememberedName('qr')).toBe('Ada');
  });
});
