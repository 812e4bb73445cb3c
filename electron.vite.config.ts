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
