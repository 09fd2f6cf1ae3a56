import { Button, Modal } from '../ui/ui';
import { words, type MenuFilter, type ShownCategory } from './menuView';

const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** The dietary tags and allergens the menu carries (nothing to filter by when both are empty). */
export function filterChoices(categories: ShownCategory[]): { tags: string[]; allergens: string[] } {
  return {
    tags: [...new Set(categories.flatMap((c) => c.items.flatMap((i) => i.dietary_tags)))].sort(),
    allergens: [...new Set(categories.flatMap((c) => c.items.flatMap((i) => i.allergens)))].sort(),
  };
}

/** The filters' sheet: dietary tags to require and allergens to avoid. */
export function MenuFilters({
  choices,
  filter,
  onChange,
  open,
  onClose,
}: {
  choices: { tags: string[]; allergens: string[] };
  filter: MenuFilter;
  onChange: (next: MenuFilter) => void;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Modal open={open} onOpenChange={(o) => !o && onClose()} title="Filter the menu" side>
      <div className="flex flex-col gap-3">
        {choices.tags.length > 0 && (
          <FilterChips legend="Only show" values={choices.tags} chosen={filter.requireTags} tone="border-emerald-700 bg-emerald-100" onToggle={(t) => onChange({ ...filter, requireTags: toggle(filter.requireTags, t) })} />
        )}
        {choices.allergens.length > 0 && (
          <FilterChips legend="Hide dishes with" values={choices.allergens} chosen={filter.avoidAllergens} tone="border-red-700 bg-red-100" onToggle={(a) => onChange({ ...filter, avoidAllergens: toggle(filter.avoidAllergens, a) })} />
        )}
        <div className="flex gap-2">
          <Button variant="secondary" className="min-h-11 flex-1" onClick={() => onChange({ avoidAllergens: [], requireTags: [] })}>
            Clear
          </Button>
          <Button className="min-h-11 flex-1" onClick={onClose}>
            Show the menu
          </Button>
        </div>
      </div>
    </Modal>
  );
}

function FilterChips({ legend, values, chosen, tone, onToggle }: { legend: string; values: string[]; chosen: string[]; tone: string; onToggle: (value: string) => void }) {
  return (
    <fieldset>
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
