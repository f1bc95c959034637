import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// `npx pnpm@10 dev` runs the server on DEV_SERVER_PORT; Vite proxies the API and the sync sockets to it.
const target = `http://localhost:${process.env.DEV_SERVER_PORT ?? '8081'}`;

export default defineConfig({
  plugins: [
    react(),
    // Precompressed copies (name.js.gz, name.js.br) beside each asset: the server's sirv picks one
    // by Accept-Encoding, so a phone on venue Wi-Fi downloads a third of the bytes at no CPU cost per request.
    compression({
      algorithms: [defineAlgorithm('gzip', { level: 9 }), defineAlgorithm('brotliCompress')],
      exclude: [/\.map$/],
      skipIfLargerOrEqual: true,
    }),
  ],
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
