import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Three bundles, as electron-vite expects: main (Node + Electron), preload (sandboxed, so
// bundled into one CommonJS file with no runtime requires but `electron`), renderer (web).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // start.js is also an entry so tests/main/shell/start.test.ts can drive the built
        // start() (with its real import-worker path) against a stand-in Electron API.
        input: { index: resolve(__dirname, 'src/main/index.ts'), start: resolve(__dirname, 'src/main/app/start.ts') },
        output: {
          // Electronegativity reads inline `// eng-disable` reviews only on the flagged line,
          // and bundling drops comments; the two reviewed calls (shell.openExternal in
          // security/external.ts, setAsDefaultProtocolClient in app/lifecycle.ts) keep their
          // inline reviews in the sources, which are scanned too, so the bundle carries them
          // as a file-wide note on its first line.
          banner: '/* eng-disable OPEN_EXTERNAL_JS_CHECK PROTOCOL_HANDLER_JS_CHECK */',
        },
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
          settings: resolve(__dirname, 'src/renderer/settings.html'),
          'address-books': resolve(__dirname, 'src/renderer/address-books.html'),
        },
      },
    },
  },
});
