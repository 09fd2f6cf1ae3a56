import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { staffApi } from '../api/endpoints';
import { useSession } from '../auth/session';
import { Badge, Button, Empty, ErrorBox, Field, Loading } from '../ui/ui';
import { PageTitle } from './AdminLayout';

/** Master admins: every restaurant, create one, and pick the one to work on. */
export function RestaurantsPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { selectedRestaurantId, selectRestaurant } = useSession();
  const list = useQuery({ queryKey: ['restaurants'], queryFn: () => staffApi.restaurants() });
  const [form, setForm] = useState({ name: '', currency: 'EUR', time_zone: 'Europe/Rome', address: '' });
  const create = useMutation({
    mutationFn: () => staffApi.createRestaurant({ ...form, address: form.address || undefined }),
    onSuccess: () => {
      setForm({ name: '', currency: 'EUR', time_zone: 'Europe/Rome', address: '' });
      void queryClient.invalidateQueries({ queryKey: ['restaurants'] });
    },
  });
  return (
    <>
      <PageTitle>Restaurants</PageTitle>
      <section aria-labelledby="new-restaurant" className="mb-6 rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="new-restaurant" className="mb-3 font-semibold">
          New restaurant
        </h2>
        <form
          className="grid gap-3 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Field label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <Field label="Address" value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} />
          <Field label="Currency (ISO 4217)" required maxLength={3} value={form.currency} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} />
          <Field label="Time zone" required value={form.time_zone} onChange={(e) => setForm({ ...form, time_zone: e.target.value })} hint="For example Europe/Rome" />
          <ErrorBox error={create.error} className="sm:col-span-2" />
          <div className="sm:col-span-2">
            <Button type="submit" disabled={create.isPending}>
              Create restaurant
            </Button>
          </div>
        </form>
      </section>
      {list.isPending && <Loading />}
      <ErrorBox error={list.error} />
      {list.data && list.data.items.length === 0 && <Empty>No restaurants yet.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Restaurants</caption>
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th className="p-2">Name</th>
              <th className="p-2">Currency</th>
              <th className="p-2">Plan</th>
              <th className="p-2">State</th>
              <th className="p-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.id} className="border-b border-stone-200">
                <td className="p-2 font-medium">{r.name}</td>
                <td className="p-2">{r.currency}</td>
                <td className="p-2">
                  {r.subscription_plan} / {r.subscription_status}
                </td>
                <td className="p-2">{r.is_active ? <Badge tone="green">active</Badge> : <Badge tone="red">inactive</Badge>}</td>
                <td className="p-2 text-right">
                  <Button
                    variant={selectedRestaurantId === r.id ? 'primary' : 'secondary'}
                    onClick={() => {
                      selectRestaurant(r.id);
                      navigate('/admin/orders');
                    }}
                  >
                    {selectedRestaurantId === r.id ? 'Working on it' : 'Manage'}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
