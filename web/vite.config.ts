// Builds the UI into hashed files that the clause9 binary embeds (cmake/web.cmake, scripts/embed.mjs).
// The server sends Content-Security-Policy: default-src 'self', so nothing may be inlined: no inline scripts or
// styles in index.html, no data: URLs for assets, no fonts or scripts from elsewhere.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [svelte()],
  base: '/',
  build: {
    outDir: 'dist', // the CMake build passes --outDir <build>/web/dist
    emptyOutDir: true,
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    cssCodeSplit: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2020',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 300,
  },
  server: {
    // `npm run dev` against a running `clause9 serve`.
    proxy: { '/api': 'http://127.0.0.1:8027', '/healthz': 'http://127.0.0.1:8027' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.ts'],
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});
