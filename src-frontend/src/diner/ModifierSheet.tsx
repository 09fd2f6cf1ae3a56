import { useState } from 'react';
import type { PublicMenuEntry } from '../api/types';
import { formatMoney } from '../lib/money';
import { Button, Modal } from '../ui/ui';
import {
  canPick, defaultSelection, isSingleChoice, ruleText, selectedOptionIds, selectionErrors, toggleOption, unitPriceCents, type Selection,
} from './modifiers';

export interface PickedLine {
  optionIds: string[];
  optionNames: string[];
  unitCents: number;
  quantity: number;
  note: string;
}

/** The sheet where a diner picks an item's modifiers, quantity and a note before adding it to the cart. */
export function ModifierSheet({
  item,
  currency,
  onClose,
  onAdd,
}: {
  item: PublicMenuEntry;
  currency: string;
  onClose: () => void;
  onAdd: (line: PickedLine) => void;
}) {
  const groups = item.modifier_groups;
  const [selection, setSelection] = useState<Selection>(() => defaultSelection(groups));
  const [quantity, setQuantity] = useState(1);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const errors = selectionErrors(groups, selection);
  const unit = unitPriceCents(item.price, groups, selection);
  const valid = Object.keys(errors).length === 0;

  const add = () => {
    setTried(true);
    if (!valid) return;
    const ids = selectedOptionIds(groups, selection);
    const names = groups.flatMap((g) => g.options.filter((o) => ids.includes(o.id)).map((o) => o.name));
    onAdd({ optionIds: ids, optionNames: names, unitCents: unit, quantity, note });
  };

  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={item.name} description={item.description ?? undefined} side>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
        className="flex flex-col gap-4"
      >
        {groups.map((group) => (
          <fieldset key={group.id} className="rounded-lg border border-stone-300 p-3">
            <legend className="px-1 text-sm font-bold">
              {group.name} <span className="font-normal text-stone-600">· {ruleText(group)}</span>
            </legend>
            <div className="flex flex-col gap-1">
              {group.options.map((option) => {
                const single = isSingleChoice(group);
                const checked = (selection[group.id] ?? []).includes(option.id);
                return (
                  <label key={option.id} className="flex min-h-11 items-center justify-between gap-2 rounded px-1 hover:bg-stone-50">
                    <span className="flex items-center gap-2">
                      <input
                        type={single ? 'radio' : 'checkbox'}
                        name={`group-${group.id}`}
                        checked={checked}
                        disabled={!canPick(selection, group, option.id)}
                        onChange={() => setSelection((s) => toggleOption(s, group, option.id))}
                        className="h-5 w-5"
                      />
                      {option.name}
                    </span>
                    {option.price_delta > 0 && <span className="text-sm text-stone-700">+{formatMoney(option.price_delta, currency)}</span>}
                  </label>
                );
              })}
            </div>
            {tried && errors[group.id] && (
              <p role="alert" className="mt-1 text-sm text-red-800">
                {errors[group.id]}
              </p>
            )}
          </fieldset>
        ))}
        <div className="flex flex-col gap-1">
          <label htmlFor="line-note" className="text-sm font-medium">
            Note for the kitchen (optional)
          </label>
          <input id="line-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} className="rounded-md border border-stone-400 px-3 py-2 text-sm" />
        </div>
        <div className="flex items-center justify-between gap-3">
          <div className="flex items-center gap-2" role="group" aria-label="Quantity">
            <Button variant="secondary" aria-label="One less" onClick={() => setQuantity((q) => Math.max(1, q - 1))} className="h-11 w-11">
              −
            </Button>
            <span aria-live="polite" className="w-6 text-center font-semibold">
              {quantity}
            </span>
            <Button variant="secondary" aria-label="One more" onClick={() => setQuantity((q) => Math.min(99, q + 1))} className="h-11 w-11">
              +
            </Button>
          </div>
          <Button type="submit" className="h-11 flex-1">
            Add to order · {formatMoney((unit * quantity) / 100, currency)}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
