import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useNavigate } from 'react-router';
import { staffApi, type RestaurantSort } from '../api/endpoints';
import { formatDateTime } from '../lib/dates';
import { useSession } from '../auth/session';
import { Badge, Button, Field, SelectField } from '../ui/ui';
import { PageTitle } from './AdminLayout';
import { CreateForm } from './CreateForm';
import { DataTable, Listing } from './DataTable';

const SORTS: { value: RestaurantSort; label: string }[] = [
  { value: '-created_at', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
];

/** Master admins: every restaurant (searched and sorted by the service: the list is paged), create one, and pick the one to work on. */
export function RestaurantsPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { selectedRestaurantId, selectRestaurant } = useSession();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<RestaurantSort>('-created_at');
  // typing stays quick: the list follows the search box a moment later, the last list stays until then
  const q = useDeferredValue(search.trim());
  const list = useQuery({ queryKey: ['restaurants', q, sort], queryFn: () => staffApi.restaurants({ q, sort }), placeholderData: keepPreviousData });
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
      <CreateForm title="New restaurant" submitLabel="Create restaurant" create={create}>
        <Field label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <Field label="Address" value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} />
        <Field label="Currency (ISO 4217)" required maxLength={3} value={form.currency} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} />
        <Field label="Time zone" required value={form.time_zone} onChange={(e) => setForm({ ...form, time_zone: e.target.value })} hint="For example Europe/Rome" />
      </CreateForm>
      <div role="search" className="mb-3 flex flex-wrap items-end gap-3">
        <Field label="Search restaurants" type="search" placeholder="Part of the name" maxLength={100} value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label="Sort" value={sort} onChange={(e) => setSort(e.target.value as RestaurantSort)}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
        {list.data && (
          <p className="pb-2 text-sm text-stone-700" aria-live="polite" data-testid="restaurant-count">
            {list.data.total === 1 ? '1 restaurant' : `${list.data.total} restaurants`}
            {list.data.total > list.data.items.length ? ` (first ${list.data.items.length} shown)` : ''}
          </p>
        )}
      </div>
      <Listing query={list} empty={q ? `No restaurant's name contains “${q}”.` : 'No restaurants yet.'}>
        {(rows) => (
          <DataTable
            caption="Restaurants"
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { header: 'Name', kind: 'name', cell: (r) => r.name },
              { header: 'Created', cell: (r) => formatDateTime(r.created_at, r.time_zone) },
              { header: 'Currency', cell: (r) => r.currency },
              { header: 'Plan', cell: (r) => `${r.subscription_plan} / ${r.subscription_status}` },
              { header: 'State', cell: (r) => (r.is_active ? <Badge tone="green">active</Badge> : <Badge tone="red">inactive</Badge>) },
              {
                header: 'Actions',
                kind: 'actions',
                cell: (r) => (
                  <Button
                    variant={selectedRestaurantId === r.id ? 'primary' : 'secondary'}
                    onClick={() => {
                      selectRestaurant(r.id);
                      navigate('/admin/orders');
                    }}
                  >
                    {selectedRestaurantId === r.id ? 'Working on it' : 'Manage'}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Listing>
    </>
  );
}
