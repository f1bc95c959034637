import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npx pnpm@10 dev` runs the server on DEV_SERVER_PORT; Vite proxies the API and the sync sockets to it.
const target = `http://localhost:${process.env.DEV_SERVER_PORT ?? '8081'}`;

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  server: {
    proxy: {
      '/api': target,
      '/healthz': target,
      '/sync': { target, ws: true },
      '/view': { target, ws: true },
    },
  },
});
