import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vitest/config';
import { ERROR_CATALOG, FIELD_CATALOG } from '../../libs/kernel/src/index';

const root = fileURLToPath(new URL('.', import.meta.url));
/** `npx vite --config apps/web/vite.config.ts` in development proxies the API started by `npm start`. */
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

/**
 * Writes `name.gz` and `name.br` beside every text file of the build (scripts, styles, HTML, robots.txt …),
 * compressed once at the highest levels: the API serves them (@fastify/static `preCompressed`) to clients
 * that accept them, so nothing is compressed per request.
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir!;
      const walk = (d: string): string[] =>
        readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
      for (const file of walk(dir).filter((f) => /\.(js|css|html|svg|txt|json|ico)$/.test(f))) {
        const raw = readFileSync(file);
        if (raw.length < 512) continue;
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        );
      }
    },
  };
}

/**
 * `virtual:error-catalog/id` and `…/en`: the kernel's error catalog (libs/kernel/src/error-catalog.ts, shared with
 * the API) cut to one language, each its own chunk, which the app loads when an error first needs its text.
 * Read when the config loads: restart the dev server after changing the catalog.
 */
function errorCatalogs(): Plugin {
  const prefix = 'virtual:error-catalog/';
  const pick = (catalog: typeof ERROR_CATALOG, locale: 'id' | 'en') =>
    Object.fromEntries(Object.entries(catalog).map(([code, text]) => [code, text[locale]]));
  return {
    name: 'error-catalogs',
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      const locale = id.slice(prefix.length + 1);
      if (locale !== 'id' && locale !== 'en') throw new Error(`no error catalog for "${locale}"`);
      return `export const errors = ${JSON.stringify(pick(ERROR_CATALOG, locale))};\nexport const fields = ${JSON.stringify(pick(FIELD_CATALOG, locale))};\n`;
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress(), errorCatalogs()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': api, '/docs': api, '/health': api } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
