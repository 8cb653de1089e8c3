import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:3000';

/**
 * The Rijkshuisstijl React bundle injects its whole stylesheet as an inline <style> at run time.
 * The server's content security policy (style-src 'self') rightly blocks that, and the same CSS
 * is already loaded as a file from @rijkshuisstijl-community/components-css, so the call is removed.
 */
function withoutRuntimeStyleInjection(): Plugin {
  return {
    name: 'hoeder:no-runtime-style-injection',
    transform(code, id) {
      if (!id.includes('@rijkshuisstijl-community/components-react/dist/index.esm.js')) return null;
      const stripped = code.replace(/^styleInject\(css_248z\);$/m, '');
      if (stripped === code) this.warn('styleInject call not found; the CSP will block an inline <style>');
      return { code: stripped, map: null };
    },
  };
}

// The root is this folder: `npx vite build apps/web` from the repo root passes it as the root
// argument, and `npx vite` run in here uses the working directory. Output: apps/web/dist.
export default defineConfig({
  plugins: [withoutRuntimeStyleInjection(), react()],
  // One internal application, loaded once per session: a single bundle is fine at this size.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': backend,
      '/auth': backend,
      '/oidc': backend,
      '/health': backend,
    },
  },
});
