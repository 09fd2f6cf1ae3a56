import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { staffApi } from '../api/endpoints';
import { presetOf, presetRange, PRESET_LABELS, type DateRange, type PresetName } from '../lib/dates';
import { formatMoney } from '../lib/money';
import { Empty, ErrorBox, Field, Loading } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';
import { AnalyticsCharts } from './AnalyticsCharts';
import { changeBetween, comparedTo, previousRange, type Trend } from './comparison';

const TREND_CLASSES: Record<Trend, string> = { up: 'text-emerald-800', down: 'text-red-800', same: 'text-stone-700', none: 'text-stone-700' };

export function AnalyticsPage() {
  return (
    <NeedsRestaurant>
      <Analytics />
    </NeedsRestaurant>
  );
}

function Analytics() {
  const { restaurantId, timeZone } = useAdmin();
  return <RestaurantAnalytics restaurantId={restaurantId} timeZone={timeZone} />;
}

/**
 * The presets count in the restaurant's calendar, which is only known once its profile arrived: a report
 * begun before then (in the browser's calendar, which late in the evening may still be yesterday there)
 * starts over in the restaurant's. Keyed on the time zone, so it does exactly once.
 */
export function RestaurantAnalytics({ restaurantId, timeZone }: { restaurantId: string | null; timeZone: string | undefined }) {
  return <Report key={timeZone ?? ''} restaurantId={restaurantId} timeZone={timeZone} />;
}

function Report({ restaurantId, timeZone }: { restaurantId: string | null; timeZone: string | undefined }) {
  // what the date fields show, and the last range that makes sense (the report shown is for that one)
  const [range, setRange] = useState<DateRange>(() => presetRange('last30', Date.now(), timeZone));
  const [asked, setAsked] = useState<DateRange>(range);
  const inverted = range.from > range.to;
  const change = (next: DateRange) => {
    setRange(next);
    if (next.from <= next.to) setAsked(next);
  };
  const report = useQuery({
    queryKey: ['analytics', restaurantId, asked],
    queryFn: () => staffApi.analytics(restaurantId, asked.from, asked.to),
    // a new range keeps the last report on screen until its own arrives (or fails)
    placeholderData: keepPreviousData,
  });
  // the same length just before, for each figure's change (the same endpoint, asked twice)
  const before = previousRange(asked);
  const previous = useQuery({
    queryKey: ['analytics', restaurantId, before],
    queryFn: () => staffApi.analytics(restaurantId, before.from, before.to),
    placeholderData: keepPreviousData,
  });
  const r = report.data;
  const p = previous.data;
  const currency = r?.currency ?? 'EUR';
  return (
    <>
      <PageTitle>Analytics</PageTitle>
      <RangePicker range={range} timeZone={r?.time_zone ?? timeZone} onChange={change} />
      {inverted && (
        <p role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="range-problem">
          The start date ({range.from}) is after the end date ({range.to}): pick a start on or before the end. The report below is still the one for {asked.from} to {asked.to}.
        </p>
      )}
      {report.isPending && <Loading label="Adding up sales…" />}
      <ErrorBox error={report.error} className="mb-4" />
      {r && (
        <div className={`flex flex-col gap-6 ${report.isPlaceholderData ? 'opacity-60' : ''}`} data-testid="analytics" aria-busy={report.isFetching}>
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
            {(
              [
                ['Orders', String(r.summary.order_count), r.summary.order_count, p?.summary.order_count],
                ['Revenue', formatMoney(r.summary.revenue, currency), r.summary.revenue, p?.summary.revenue],
                ['Average ticket', r.summary.average_ticket != null ? formatMoney(r.summary.average_ticket, currency) : '—', r.summary.average_ticket, p?.summary.average_ticket],
                [
                  'Average preparation',
                  r.summary.average_preparation_minutes != null ? `${r.summary.average_preparation_minutes.toFixed(1)} min` : '—',
                  r.summary.average_preparation_minutes,
                  p?.summary.average_preparation_minutes,
                ],
              ] as const
            ).map(([k, v, now, then]) => {
              const moved = changeBetween(now, then ?? null);
              return (
                <div key={k} className="rounded-lg border border-stone-300 bg-white p-3">
                  <dt className="text-sm text-stone-700">{k}</dt>
                  <dd className="text-xl font-bold">{v}</dd>
                  {p && (
                    <dd className={`text-sm ${TREND_CLASSES[moved.trend]}`} data-testid="figure-change">
                      {moved.text} {comparedTo(asked)}
                    </dd>
                  )}
                </div>
              );
            })}
          </dl>
          {r.summary.order_count === 0 && <Empty>No sales in this period.</Empty>}
          <AnalyticsCharts report={r} currency={currency} />
        </div>
      )}
    </>
  );
}

/** The report's dates: presets counted in the restaurant's calendar, or any range typed in. */
function RangePicker({ range, timeZone, onChange }: { range: DateRange; timeZone: string | undefined; onChange: (next: DateRange) => void }) {
  const chosen = presetOf(range, Date.now(), timeZone);
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <div role="group" aria-label="Date presets" className="flex flex-wrap gap-1">
        {(Object.keys(PRESET_LABELS) as PresetName[]).map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={chosen === name}
            onClick={() => onChange(presetRange(name, Date.now(), timeZone))}
            className={`rounded-full border px-3 py-2 text-sm font-semibold ${chosen === name ? 'border-blue-700 bg-blue-700 text-white' : 'border-stone-400 bg-white hover:bg-stone-100'}`}
          >
            {PRESET_LABELS[name]}
          </button>
        ))}
      </div>
      <Field label="From" type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && onChange({ ...range, from: e.target.value })} />
      <Field label="To" type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && onChange({ ...range, to: e.target.value })} />
    </div>
  );
}
