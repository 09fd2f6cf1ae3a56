import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { staffApi } from '../api/endpoints';
import { formatMoney } from '../lib/money';
import { Empty, ErrorBox, Field, Loading } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function AnalyticsPage() {
  return (
    <NeedsRestaurant>
      <Analytics />
    </NeedsRestaurant>
  );
}

function Analytics() {
  const { restaurantId } = useAdmin();
  const [range, setRange] = useState(() => ({ from: isoDate(new Date(Date.now() - 29 * 86_400_000)), to: isoDate(new Date()) }));
  const report = useQuery({ queryKey: ['analytics', restaurantId, range], queryFn: () => staffApi.analytics(restaurantId, range.from, range.to) });
  const r = report.data;
  const currency = r?.currency ?? 'EUR';
  return (
    <>
      <PageTitle>Analytics</PageTitle>
      <div className="mb-4 flex flex-wrap gap-3">
        <Field label="From" type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })} />
        <Field label="To" type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })} />
      </div>
      {report.isPending && <Loading label="Adding up sales…" />}
      <ErrorBox error={report.error} />
      {r && (
        <div className="flex flex-col gap-6" data-testid="analytics">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
            {[
              ['Orders', String(r.summary.order_count)],
              ['Revenue', formatMoney(r.summary.revenue, currency)],
              ['Average ticket', r.summary.average_ticket != null ? formatMoney(r.summary.average_ticket, currency) : '—'],
              ['Average preparation', r.summary.average_preparation_minutes != null ? `${r.summary.average_preparation_minutes.toFixed(1)} min` : '—'],
            ].map(([k, v]) => (
              <div key={k} className="rounded-lg border border-stone-300 bg-white p-3">
                <dt className="text-sm text-stone-700">{k}</dt>
                <dd className="text-xl font-bold">{v}</dd>
              </div>
            ))}
          </dl>
          {r.summary.order_count === 0 && <Empty>No sales in this period.</Empty>}
          <section aria-labelledby="by-day">
            <h2 id="by-day" className="mb-2 font-semibold">
              Revenue per day
            </h2>
            <div className="h-64 rounded-lg border border-stone-300 bg-white p-2" role="img" aria-label="Revenue per day chart">
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={r.by_day}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="date" fontSize={12} />
                  <YAxis fontSize={12} />
                  <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
                  <Line type="monotone" dataKey="revenue" stroke="#1d4ed8" strokeWidth={2} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </section>
          <section aria-labelledby="by-hour">
            <h2 id="by-hour" className="mb-2 font-semibold">
              Revenue per hour of day
            </h2>
            <div className="h-64 rounded-lg border border-stone-300 bg-white p-2" role="img" aria-label="Revenue per hour chart">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={r.by_hour}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="hour" fontSize={12} />
                  <YAxis fontSize={12} />
                  <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
                  <Bar dataKey="revenue" fill="#047857" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </section>
          <section aria-labelledby="popular">
            <h2 id="popular" className="mb-2 font-semibold">
              Popular items
            </h2>
            {r.popular_items.length === 0 ? (
              <Empty>No items sold in this period.</Empty>
            ) : (
              <div className="h-72 rounded-lg border border-stone-300 bg-white p-2" role="img" aria-label="Popular items chart">
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={r.popular_items} layout="vertical" margin={{ left: 40 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" fontSize={12} />
                    <YAxis type="category" dataKey="name" width={120} fontSize={12} />
                    <Tooltip />
                    <Bar dataKey="quantity" fill="#b45309" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            )}
          </section>
        </div>
      )}
    </>
  );
}
