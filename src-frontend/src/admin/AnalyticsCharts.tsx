import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SalesReport } from '../api/types';
import { formatMoney } from '../lib/money';
import { Empty } from '../ui/ui';

/** Revenue per day and per hour of day, and the popular items (the chart library loads with this page only). */
export function AnalyticsCharts({ report: r, currency }: { report: SalesReport; currency: string }) {
  return (
    <>
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
    </>
  );
}
