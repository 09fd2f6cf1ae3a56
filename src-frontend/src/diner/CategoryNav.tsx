import { scrollUnderStickyBar } from './scroll';
import type { ShownCategory } from './menuView';

/**
 * Chips that bring each category's heading just under the sticky bar (not beneath it, and without a
 * history entry per tap: Back is for closing sheets and leaving), and the one button behind which the
 * filters wait.
 */
export function CategoryNav({ categories, filters, onFilters }: { categories: ShownCategory[]; filters: { available: boolean; chosen: number }; onFilters: () => void }) {
  return (
    <nav aria-label="Categories" className="flex gap-2 overflow-x-auto border-b border-stone-200 bg-white/95 px-4 py-2" data-testid="category-chips">
      {filters.available && (
        <button
          type="button"
          onClick={onFilters}
          className={`whitespace-nowrap rounded-full border px-3 py-1 text-sm font-medium ${filters.chosen > 0 ? 'border-blue-700 bg-blue-100 text-blue-900' : 'border-stone-400 bg-white text-stone-900'}`}
        >
          Filters{filters.chosen > 0 ? ` (${filters.chosen})` : ''}
        </button>
      )}
      {categories.map((c) => (
        <a
          key={c.id}
          href={`#cat-${c.id}`}
          onClick={(e) => {
            e.preventDefault();
            scrollUnderStickyBar(document.getElementById(`cat-h-${c.id}`));
          }}
          className="whitespace-nowrap rounded-full bg-stone-200 px-3 py-1 text-sm font-medium text-stone-900"
        >
          {c.name}
        </a>
      ))}
    </nav>
  );
}
