import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Three bundles, as electron-vite expects: main (Node + Electron), preload (sandboxed, so
// bundled into one CommonJS file with no runtime requires but `electron`), renderer (web).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [
      {
        // Dev server only: Vite injects CSS as <style> tags and talks to its HMR socket, which
        // the pages' strict meta CSP forbids. Builds keep the policy untouched.
        name: 'dev-only-csp-relaxation',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
            .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
      },
    ],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          contact: resolve(__dirname, 'src/renderer/contact.html'),
        },
      },
    },
  },
});
