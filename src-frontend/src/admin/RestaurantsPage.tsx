import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { staffApi } from '../api/endpoints';
import { useSession } from '../auth/session';
import { Badge, Button, Field } from '../ui/ui';
import { PageTitle } from './AdminLayout';
import { CreateForm } from './CreateForm';
import { DataTable, Listing } from './DataTable';

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
      <CreateForm title="New restaurant" submitLabel="Create restaurant" create={create}>
        <Field label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <Field label="Address" value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} />
        <Field label="Currency (ISO 4217)" required maxLength={3} value={form.currency} onChange={(e) => setForm({ ...form, currency: e.target.value.toUpperCase() })} />
        <Field label="Time zone" required value={form.time_zone} onChange={(e) => setForm({ ...form, time_zone: e.target.value })} hint="For example Europe/Rome" />
      </CreateForm>
      <Listing query={list} empty="No restaurants yet.">
        {(rows) => (
          <DataTable
            caption="Restaurants"
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { header: 'Name', kind: 'name', cell: (r) => r.name },
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
