import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:3000';

// The root is this folder: `npx vite build apps/web` from the repo root passes it as the root
// argument, and `npx vite` run in here uses the working directory. Output: apps/web/dist.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': backend,
      '/auth': backend,
      '/oidc': backend,
      '/health': backend,
    },
  },
});
