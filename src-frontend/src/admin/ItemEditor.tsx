import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { staffApi } from '../api/endpoints';
import type { Category, MenuItem, MenuItemRequest } from '../api/types';
import { words } from '../diner/menuView';
import { Button, ErrorBox, Field, Modal, SelectField } from '../ui/ui';
import { draftOf } from './itemDraft';
import { ALLERGENS, DIETARY_TAGS } from './vocabulary';

type GroupDraft = NonNullable<MenuItemRequest['modifier_groups']>[number];

/** Create or edit a menu item with its modifier groups (ids kept, so past orders still refer to them). */
export function ItemEditor({ rid, item, categories, onDone }: { rid: string; item: MenuItem | null; categories: Category[]; onDone: () => void }) {
  const [draft, setDraft] = useState<MenuItemRequest>(() => draftOf(item, categories));
  const groups = draft.modifier_groups ?? [];
  const setGroups = (next: GroupDraft[]) => setDraft({ ...draft, modifier_groups: next });
  const setGroup = (i: number, g: GroupDraft) => setGroups(groups.map((x, n) => (n === i ? g : x)));
  // the photo chosen here goes up with the item: after it is created (a new item has no id before), or saved
  const [photo, setPhoto] = useState<File | null>(null);
  const preview = usePreview(photo);
  // a new item whose photo was refused exists already: saving again updates it rather than making a second
  const created = useRef<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const id = item?.id ?? created.current;
      const saved = id ? await staffApi.updateMenuItem(rid, id, draft) : await staffApi.createMenuItem(rid, draft);
      created.current = saved.id;
      if (photo) await staffApi.uploadItemImage(rid, saved.id, photo);
    },
    onSuccess: onDone,
  });
  const shown = preview ?? item?.image_url ?? null;
  const toggle = (list: string[] | undefined, w: string) => ((list ?? []).includes(w) ? (list ?? []).filter((x) => x !== w) : [...(list ?? []), w]);

  return (
    <Modal open onOpenChange={(o) => !o && onDone()} title={item ? `Edit ${item.name}` : 'New menu item'}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Name" required maxLength={200} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          <SelectField label="Category" required value={draft.category_id} onChange={(e) => setDraft({ ...draft, category_id: e.target.value })}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <Field label="Price" type="number" step="0.01" min={0} required value={draft.price} onChange={(e) => setDraft({ ...draft, price: Number(e.target.value) })} />
          <Field
            label="Preparation minutes"
            type="number"
            min={0}
            max={600}
            value={draft.preparation_minutes ?? ''}
            onChange={(e) => setDraft({ ...draft, preparation_minutes: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </div>
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="text-sm font-semibold">Photo</legend>
          {shown ? <img src={shown} alt={photo ? 'The new photo' : `Photo of ${item?.name ?? 'the item'}`} className="h-20 w-20 rounded object-cover" data-testid="editor-photo" /> : <p className="text-sm text-stone-700">No photo yet.</p>}
          <label className="cursor-pointer rounded-md border border-stone-400 px-3 py-2 text-sm font-semibold hover:bg-stone-100 has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-700">
            {shown ? 'Choose another photo' : 'Choose a photo'}
            <input type="file" accept="image/jpeg,image/png,image/webp" className="sr-only" aria-label="Photo of the item" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
          </label>
          {photo && <span className="text-sm text-stone-700">{photo.name}: saved with the item</span>}
        </fieldset>
        <Field label="Description" maxLength={2000} value={draft.description ?? ''} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
        <fieldset>
          <legend className="text-sm font-semibold">Dietary tags</legend>
          <div className="flex flex-wrap gap-x-4">
            {DIETARY_TAGS.map((t) => (
              <label key={t} className="flex items-center gap-1 text-sm">
                <input type="checkbox" checked={(draft.dietary_tags ?? []).includes(t)} onChange={() => setDraft({ ...draft, dietary_tags: toggle(draft.dietary_tags, t) })} />
                {words(t)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-semibold">Allergens</legend>
          <div className="flex flex-wrap gap-x-4">
            {ALLERGENS.map((a) => (
              <label key={a} className="flex items-center gap-1 text-sm">
                <input type="checkbox" checked={(draft.allergens ?? []).includes(a)} onChange={() => setDraft({ ...draft, allergens: toggle(draft.allergens, a) })} />
                {words(a)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="flex flex-col gap-3">
          <legend className="text-sm font-semibold">Modifier groups</legend>
          {groups.map((g, i) => (
            <div key={g.id ?? `new-${i}`} className="rounded-md border border-stone-300 p-2">
              <div className="grid gap-2 sm:grid-cols-4">
                <Field label="Group name" required value={g.name} onChange={(e) => setGroup(i, { ...g, name: e.target.value })} className="sm:col-span-2" />
                <Field label="Pick at least" type="number" min={0} max={50} value={g.min_select} onChange={(e) => setGroup(i, { ...g, min_select: Number(e.target.value) })} />
                <Field label="Pick at most" type="number" min={1} max={50} value={g.max_select} onChange={(e) => setGroup(i, { ...g, max_select: Number(e.target.value) })} />
              </div>
              <ul className="mt-2 flex flex-col gap-1">
                {g.options.map((o, j) => (
                  <li key={o.id ?? `new-${j}`} className="flex items-end gap-2">
                    <Field label={`Option ${j + 1}`} required value={o.name} onChange={(e) => setGroup(i, { ...g, options: g.options.map((x, n) => (n === j ? { ...x, name: e.target.value } : x)) })} className="flex-1" />
                    <Field
                      label="Extra price"
                      type="number"
                      step="0.01"
                      min={0}
                      value={o.price_delta}
                      onChange={(e) => setGroup(i, { ...g, options: g.options.map((x, n) => (n === j ? { ...x, price_delta: Number(e.target.value) } : x)) })}
                      className="w-28"
                    />
                    <Button variant="ghost" aria-label={`Remove option ${o.name || j + 1}`} onClick={() => setGroup(i, { ...g, options: g.options.filter((_, n) => n !== j) })}>
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
              <div className="mt-2 flex gap-2">
                <Button variant="secondary" onClick={() => setGroup(i, { ...g, options: [...g.options, { name: '', price_delta: 0 }] })}>
                  Add option
                </Button>
                <Button variant="ghost" onClick={() => setGroups(groups.filter((_, n) => n !== i))}>
                  Remove group
                </Button>
              </div>
            </div>
          ))}
          <Button variant="secondary" onClick={() => setGroups([...groups, { name: '', min_select: 0, max_select: 1, options: [{ name: '', price_delta: 0 }] }])}>
            Add modifier group
          </Button>
        </fieldset>
        <ErrorBox error={save.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.isPending}>
            Save item
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** A local URL showing the chosen file, released when it changes or the editor closes. */
function usePreview(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return setUrl(null);
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url;
}
