import type { ShownCategory } from './menuView';

/** Chips that jump to each category of the menu. */
export function CategoryNav({ categories }: { categories: ShownCategory[] }) {
  return (
    <nav aria-label="Categories" className="flex gap-2 overflow-x-auto px-4 py-2">
      {categories.map((c) => (
        <a key={c.id} href={`#cat-${c.id}`} className="whitespace-nowrap rounded-full bg-stone-200 px-3 py-1 text-sm font-medium text-stone-900">
          {c.name}
        </a>
      ))}
    </nav>
  );
}
