import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { staffApi } from '../api/endpoints';
import { RestaurantAnalytics } from './AnalyticsPage';

describe("the analytics page's dates", () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("asks for the restaurant's today once its time zone is known, though the browser's calendar is still on yesterday", async () => {
    // 23:50 in UTC (the browser here) is already 00:50 of the next day in Rome
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T23:50:00Z'));
    const asked = vi.spyOn(staffApi, 'analytics').mockImplementation(() => new Promise(() => {}));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const page = (timeZone: string | undefined) => (
      <QueryClientProvider client={client}>
        <RestaurantAnalytics restaurantId="r1" timeZone={timeZone} />
      </QueryClientProvider>
    );
    const { rerender } = render(page(undefined));
    await waitFor(() => expect(asked).toHaveBeenCalledWith('r1', '2026-11-02', '2026-12-01'));
    const before = asked.mock.calls.length;

    rerender(page('Europe/Rome'));

    // the last 30 days of Rome's calendar, and the 30 before them for the comparison
    await waitFor(() => expect(asked.mock.calls.slice(before)).toEqual([
      ['r1', '2026-11-03', '2026-12-02'],
      ['r1', '2026-10-04', '2026-11-02'],
    ]));
  });
});
