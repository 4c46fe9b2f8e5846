// Svelte compiler options shared by Vite, vitest and svelte-check.
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Component styles go to the CSS file, never into <style> elements at run time: the server's CSP
    // (default-src 'self') allows no inline style.
    css: 'external',
  },
};
