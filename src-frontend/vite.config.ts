import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// Everything goes through the gateway's origin; in development Vite forwards API and WebSocket calls to it.
const gateway = process.env.TAVOLA_GATEWAY ?? 'http://localhost:8000';

/**
 * The built page's stylesheet goes after the loading shell (index.html), at the end of the body: a
 * stylesheet in the head holds every paint until it has arrived, which on a slow phone network is a blank
 * screen while the script downloads beside it. After the shell it holds only what follows it, and the
 * app's script still runs only once the stylesheet is in (deferred scripts wait for it).
 */
function stylesheetAfterShell(): Plugin {
  return {
    name: 'tavola-stylesheet-after-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(/\s*<link rel="stylesheet"[^>]*>/g) ?? [];
        let out = html;
        for (const link of links) out = out.replace(link, '');
        return out.replace('</body>', `${links.map((l) => `  ${l.trim()}`).join('\n')}\n  </body>`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), stylesheetAfterShell()],
  server: {
    proxy: {
      '/api': { target: gateway, changeOrigin: true },
      '/ws': { target: gateway, ws: true, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
