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
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      // Yjs's logging imports lib0/dom.js (for style strings), whose top-level `$.$custom(…)` calls,
      // through its namespace import `$` of lib0's schema library, kept that library whole although
      // nothing reads what they build. Calls rooted at `$` marked pure (no dependency the client
      // bundles names anything `$` besides lib0's), lib0/schema.js leaves the build: 2.3 KB gzipped.
      treeshake: { manualPureFunctions: ['$'] },
      output: {
        // Everything the entry imports statically loads on every page anyway: one chunk, not the 20
        // rolldown makes by default (one per set of lazy chunks sharing a module). Gzip then finds
        // repeats across all of it, and no chunk spends bytes importing another: a participant's
        // first load went 120 -> 113 KB gzipped, 27 -> 8 scripts (BENCHMARKS.md, "First load").
        codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': target,
      '/healthz': target,
      '/sync': { target, ws: true },
      '/view': { target, ws: true },
    },
  },
});
