import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { staffApi } from '../api/endpoints';
import type { Restaurant } from '../api/types';
import { Button, ErrorBox, Field } from '../ui/ui';
import { NeedsRestaurant, PageTitle, useAdmin } from './AdminLayout';
import { Loaded } from './DataTable';

export function SettingsPage() {
  return (
    <NeedsRestaurant>
      <Settings />
    </NeedsRestaurant>
  );
}

function Settings() {
  const { restaurantId } = useAdmin();
  const rid = restaurantId!;
  const restaurant = useQuery({ queryKey: ['restaurant', rid], queryFn: () => staffApi.restaurant(rid) });
  return <Loaded query={restaurant}>{(r) => <SettingsForm restaurant={r} />}</Loaded>;
}

/** The restaurant's public profile (what diners see on the menu) and how it takes orders. */
function SettingsForm({ restaurant }: { restaurant: Restaurant }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: restaurant.name,
    description: restaurant.description ?? '',
    address: restaurant.address ?? '',
    phone: restaurant.phone ?? '',
    email: restaurant.email ?? '',
    time_zone: restaurant.time_zone,
    order_confirmation_required: restaurant.order_confirmation_required,
    service_request_cooldown_seconds: restaurant.service_request_cooldown_seconds,
    kitchen_warning_minutes: restaurant.kitchen_warning_minutes,
    kitchen_late_minutes: restaurant.kitchen_late_minutes,
  });
  const [saved, setSaved] = useState(false);
  const stored = (r: Restaurant) => queryClient.setQueryData(['restaurant', r.id], r);
  const save = useMutation({
    mutationFn: () => staffApi.updateRestaurant(restaurant.id, { ...form, email: form.email || undefined }),
    onSuccess: (r) => {
      stored(r);
      setSaved(true);
    },
  });
  const logo = useMutation({ mutationFn: (file: File) => staffApi.uploadLogo(restaurant.id, file), onSuccess: stored });
  const removeLogo = useMutation({ mutationFn: () => staffApi.deleteLogo(restaurant.id), onSuccess: stored });
  const current = queryClient.getQueryData<Restaurant>(['restaurant', restaurant.id]) ?? restaurant;

  return (
    <>
      <PageTitle>Restaurant settings</PageTitle>
      <section aria-labelledby="logo-h" className="mb-6 flex flex-wrap items-center gap-4 rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="logo-h" className="w-full font-semibold">
          Logo
        </h2>
        {current.logo_url ? <img src={current.logo_url} alt={`${current.name} logo`} className="h-16 w-16 rounded-full object-cover" /> : <p className="text-sm text-stone-700">No logo yet.</p>}
        <label className="cursor-pointer rounded-md border border-stone-400 px-3 py-2 text-sm font-semibold hover:bg-stone-100 has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-700">
          Upload a logo
          <input type="file" accept="image/jpeg,image/png,image/webp" className="sr-only" onChange={(e) => e.target.files?.[0] && logo.mutate(e.target.files[0])} />
        </label>
        {current.logo_url && (
          <Button variant="ghost" onClick={() => removeLogo.mutate()} disabled={removeLogo.isPending}>
            Remove logo
          </Button>
        )}
        <ErrorBox error={logo.error ?? removeLogo.error} className="w-full" />
      </section>
      <form
        className="grid gap-3 rounded-lg border border-stone-300 bg-white p-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate();
        }}
      >
        <Field label="Name" required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <Field label="Time zone" required value={form.time_zone} onChange={(e) => setForm({ ...form, time_zone: e.target.value })} hint="Analytics days and hours are counted in it" />
        <Field label="Description" maxLength={2000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} className="sm:col-span-2" />
        <Field label="Address" maxLength={500} value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} />
        <Field label="Phone" maxLength={40} value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
        <Field label="Email" type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <Field
          label="Seconds between calls from one table"
          type="number"
          min={0}
          max={3600}
          value={form.service_request_cooldown_seconds}
          onChange={(e) => setForm({ ...form, service_request_cooldown_seconds: Number(e.target.value) })}
        />
        <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-semibold">Kitchen ticket colours</legend>
          <Field
            label="Amber after (minutes)"
            type="number"
            min={1}
            max={240}
            required
            value={form.kitchen_warning_minutes}
            onChange={(e) => setForm({ ...form, kitchen_warning_minutes: Number(e.target.value) })}
            hint="A ticket waiting this long turns amber on the kitchen screen"
          />
          <Field
            label="Red after (minutes)"
            type="number"
            min={form.kitchen_warning_minutes + 1}
            max={480}
            required
            value={form.kitchen_late_minutes}
            onChange={(e) => setForm({ ...form, kitchen_late_minutes: Number(e.target.value) })}
            hint="…and red from this age: later than amber"
          />
        </fieldset>
        <label className="flex items-center gap-2 text-sm font-medium sm:col-span-2">
          <input type="checkbox" className="h-5 w-5" checked={form.order_confirmation_required} onChange={(e) => setForm({ ...form, order_confirmation_required: e.target.checked })} />
          Staff confirm diners' orders before the kitchen starts
        </label>
        <ErrorBox error={save.error} className="sm:col-span-2" />
        {saved && (
          <p role="status" className="text-sm text-emerald-800 sm:col-span-2">
            Saved.
          </p>
        )}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={save.isPending}>
            Save settings
          </Button>
        </div>
      </form>
    </>
  );
}
