import { useId } from 'react';
import type { BillAsk } from '../api/endpoints';

const MODES: { mode: BillAsk['split']; label: string }[] = [
  { mode: 'none', label: 'One bill' },
  { mode: 'equal', label: 'Equal parts' },
  { mode: 'items', label: 'By what each ordered' },
];

/** How to split the bill (one bill, equal parts, by what each diner ordered) and the tip. */
export function BillOptions({ ask, onChange }: { ask: BillAsk; onChange: (next: BillAsk) => void }) {
  const id = useId();
  return (
    <>
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-1 text-sm font-semibold">Split</legend>
        {MODES.map(({ mode, label }) => (
          <label key={mode} className="flex min-h-11 items-center gap-2">
            <input type="radio" name={`${id}-split`} checked={ask.split === mode} onChange={() => onChange({ ...ask, split: mode })} />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="flex gap-3">
        {ask.split === 'equal' && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-parts`} className="text-sm font-medium">
              People
            </label>
            <input
              id={`${id}-parts`}
              type="number"
              min={1}
              max={50}
              value={ask.parts}
              onChange={(e) => onChange({ ...ask, parts: Math.min(50, Math.max(1, Number(e.target.value) || 1)) })}
              className="w-24 rounded-md border border-stone-400 px-3 py-2"
            />
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-tip`} className="text-sm font-medium">
            Tip
          </label>
          <select id={`${id}-tip`} value={ask.tipPercent} onChange={(e) => onChange({ ...ask, tipPercent: Number(e.target.value) })} className="rounded-md border border-stone-400 px-3 py-2">
            {[0, 5, 10, 15].map((p) => (
              <option key={p} value={p}>
                {p === 0 ? 'No tip' : `${p} %`}
              </option>
            ))}
          </select>
        </div>
      </div>
    </>
  );
}
