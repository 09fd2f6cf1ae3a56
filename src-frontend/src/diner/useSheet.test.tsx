import { act, cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useSheet } from './useSheet';

function Page() {
  const { sheet, open, close } = useSheet();
  return (
    <>
      <p data-testid="sheet">{sheet ? sheet.kind : 'none'}</p>
      <button onClick={() => open({ kind: 'cart' })}>cart</button>
      <button onClick={() => open({ kind: 'bill' })}>bill</button>
      <button
        onClick={() => {
          close();
          close();
        }}
      >
        close
      </button>
    </>
  );
}

describe('sheets in the history', () => {
  afterEach(cleanup);
  const setup = () => {
    const router = createMemoryRouter([{ path: '/t/:qr', element: <Page /> }, { path: '/', element: <p>left the menu</p> }], { initialEntries: ['/', '/t/abc'], initialIndex: 1 });
    render(<RouterProvider router={router} />);
    return router;
  };
  const shown = () => screen.getByTestId('sheet').textContent;

  it('Back closes the open sheet and stays on the menu', async () => {
    const router = setup();
    await act(async () => screen.getByText('cart').click());
    expect(shown()).toBe('cart');
    await act(() => router.navigate(-1));
    expect(shown()).toBe('none');
    expect(router.state.location.pathname).toBe('/t/abc');
  });

  it('closing by hand goes back over the entry once, even when asked twice; a sheet opened from another takes its place', async () => {
    const router = setup();
    await act(async () => screen.getByText('cart').click());
    await act(async () => screen.getByText('bill').click());
    expect(shown()).toBe('bill');
    await act(async () => screen.getByText('close').click());
    expect(shown()).toBe('none');
    expect(router.state.location.pathname).toBe('/t/abc');
  });
});
