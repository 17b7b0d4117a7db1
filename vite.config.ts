import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'
import tsconfigPaths from 'vite-tsconfig-paths'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix({
      buildDirectory: process.env.BUILD_DIR ?? 'build',
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
    // The browser's files also as .br (quality 11) and .gz (level 9) beside them in build/client, for server.mjs to
    // send by the browser's Accept-Encoding; not the server build, nor Vite's manifest, which Remix moves away.
    // (Remix writes its own assets/manifest-*.js later, uncompressed: with lazy route discovery no page loads it.)
    !isSsrBuild &&
      compression({
        algorithms: ['brotliCompress', 'gzip'],
        include: /\.(?:js|mjs|css|html|json|svg|xml|txt|map)$/,
        exclude: /(?:^|\/)\.vite\//,
        threshold: 1024,
        logLevel: 'silent',
      }),
  ],
  build: { target: 'es2022' },
  server: { port: 3000 },
}))
