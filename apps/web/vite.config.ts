import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Vite build of the console; in development the API (and its event stream) is proxied to the local server. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
