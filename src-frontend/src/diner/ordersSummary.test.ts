import { describe, expect, it } from 'vitest';
import type { Order, OrderStatus } from '../api/types';
import { ordersSummary } from './ordersSummary';

const order = (status: OrderStatus) => ({ status }) as Order;

describe('the sticky orders bar', () => {
  it('says nothing without orders, and not for cancelled ones', () => {
    expect(ordersSummary([])).toBeNull();
    expect(ordersSummary([order('CANCELLED')])).toBeNull();
  });

  it('names the one step every active order is at', () => {
    expect(ordersSummary([order('PREPARING'), order('PREPARING'), order('SERVED')])).toBe('Preparing');
    expect(ordersSummary([order('PENDING')])).toBe('Waiting for confirmation');
  });

  it('counts the steps when they differ, the news first', () => {
    expect(ordersSummary([order('PREPARING'), order('READY'), order('PREPARING')])).toBe('1 ready · 2 preparing');
  });

  it('says served once nothing is on its way', () => {
    expect(ordersSummary([order('SERVED'), order('COMPLETED'), order('CANCELLED')])).toBe('Served');
  });
});
