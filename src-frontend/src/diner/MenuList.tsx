import { formatMoney } from '../lib/money';
import { Badge, Button } from '../ui/ui';
import { passesFilter, words, type MenuFilter, type ShownCategory, type ShownItem } from './menuView';

/** The menu by category, filtered; 86'd items stay in place, greyed out. */
export function MenuList({ categories, filter, currency, onPick }: { categories: ShownCategory[]; filter: MenuFilter; currency: string; onPick: (item: ShownItem) => void }) {
  if (categories.length === 0) return <p className="p-6 text-center text-stone-700">The menu is empty right now.</p>;
  return (
    <>
      {categories.map((c) => {
        const items = c.items.filter((i) => passesFilter(i, filter));
        return (
          <section key={c.id} id={`cat-${c.id}`} aria-labelledby={`cat-h-${c.id}`} className="px-4 py-3">
            <h2 id={`cat-h-${c.id}`} className="mb-2 text-xl font-bold">
              {c.name}
            </h2>
            {items.length === 0 && <p className="text-sm text-stone-600">Nothing here matches your filter.</p>}
            <ul className="flex flex-col gap-3">
              {items.map((item) => (
                <MenuCard key={item.id} item={item} currency={currency} onPick={() => onPick(item)} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function MenuCard({ item, currency, onPick }: { item: ShownItem; currency: string; onPick: () => void }) {
  return (
    <li
      className={`flex gap-3 rounded-xl border border-stone-200 bg-white p-3 ${item.available ? '' : 'opacity-50 grayscale'}`}
      data-testid="menu-item"
      data-item-id={item.id}
      data-available={item.available}
    >
      {item.image_url && <img src={item.image_url} alt={item.name} loading="lazy" className="h-20 w-20 flex-none rounded-lg object-cover" />}
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-start justify-between gap-2">
          <h3 className="font-semibold">{item.name}</h3>
          <span className="whitespace-nowrap font-semibold">{formatMoney(item.price, currency)}</span>
        </div>
        {item.description && <p className="text-sm text-stone-700">{item.description}</p>}
        <div className="flex flex-wrap gap-1">
          {item.dietary_tags.map((t) => (
            <Badge key={t} tone="green">
              {words(t)}
            </Badge>
          ))}
          {item.allergens.map((a) => (
            <Badge key={a} tone="amber">
              <span className="sr-only">Contains </span>
              {words(a)}
            </Badge>
          ))}
        </div>
        <div className="flex justify-end">
          {item.available ? (
            <Button onClick={onPick} className="min-h-11" aria-label={`Add ${item.name}`}>
              Add
            </Button>
          ) : (
            <Badge tone="stone">Sold out</Badge>
          )}
        </div>
      </div>
    </li>
  );
}
