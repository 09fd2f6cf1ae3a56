import { useMemo } from 'react';
import { words, type MenuFilter, type ShownCategory } from './menuView';

const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** Dietary tags to require and allergens to avoid, from what the menu carries. */
export function MenuFilters({ categories, filter, onChange }: { categories: ShownCategory[]; filter: MenuFilter; onChange: (next: MenuFilter) => void }) {
  const allergens = useMemo(() => [...new Set(categories.flatMap((c) => c.items.flatMap((i) => i.allergens)))].sort(), [categories]);
  const tags = useMemo(() => [...new Set(categories.flatMap((c) => c.items.flatMap((i) => i.dietary_tags)))].sort(), [categories]);
  if (allergens.length === 0 && tags.length === 0) return null;
  return (
    <section aria-labelledby="filter-heading" className="border-b border-stone-200 px-4 py-3">
      <h2 id="filter-heading" className="sr-only">
        Filter the menu
      </h2>
      {tags.length > 0 && (
        <FilterChips legend="Only show" values={tags} chosen={filter.requireTags} tone="border-emerald-700 bg-emerald-100" onToggle={(t) => onChange({ ...filter, requireTags: toggle(filter.requireTags, t) })} className="mb-2" />
      )}
      {allergens.length > 0 && (
        <FilterChips legend="Hide dishes with" values={allergens} chosen={filter.avoidAllergens} tone="border-red-700 bg-red-100" onToggle={(a) => onChange({ ...filter, avoidAllergens: toggle(filter.avoidAllergens, a) })} />
      )}
    </section>
  );
}

function FilterChips({
  legend,
  values,
  chosen,
  tone,
  onToggle,
  className = '',
}: {
  legend: string;
  values: string[];
  chosen: string[];
  tone: string;
  onToggle: (value: string) => void;
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend className="text-xs font-semibold uppercase text-stone-700">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {values.map((v) => (
          <label
            key={v}
            className={`flex min-h-9 cursor-pointer items-center gap-1 rounded-full border px-3 text-sm has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-700 ${chosen.includes(v) ? tone : 'border-stone-300 bg-white'}`}
          >
            <input type="checkbox" className="sr-only" checked={chosen.includes(v)} onChange={() => onToggle(v)} />
            {words(v)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
