import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { RENDERER_CONTENT_SECURITY_POLICY } from './shared/security/contentSecurityPolicy';

/**
 * Writes the renderer's Content Security Policy into index.html, at build time only: Vite's dev
 * server injects inline scripts for hot reload, which the policy rightly forbids.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'margin-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** Makes the CLI bundle executable, so `npx margin` can run it. */
function executableCli(): Plugin {
  return {
    name: 'margin-executable-cli',
    apply: 'build',
    writeBundle(options) {
      if (options.dir) chmodSync(join(options.dir, 'margin.js'), 0o755);
    },
  };
}

export default defineConfig({
  main: {
    // One Node build for the Electron main process, the CLI `margin` (which also runs
    // `margin serve`) and the `npm start` launcher: they share the services.
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          margin: resolve('electron/host/cli/margin.ts'),
          start: resolve('electron/host/start.ts'),
        },
      },
    },
    plugins: [executableCli()],
  },
  preload: {
    // A sandboxed preload must be a single CommonJS file with its dependencies bundled in.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      sourcemap: true,
      // One bundle, loaded from disk or loopback: React, ProseMirror and zod make it about 530 kB.
      chunkSizeWarningLimit: 1024,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react(), contentSecurityPolicy()],
  },
});
