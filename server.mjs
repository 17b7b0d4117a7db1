// The production (and development) HTTP server: security headers, request log, health check, the
// same-origin rule for state changes, static files, then Remix.
import crypto from 'node:crypto'
// The adapter's request/response helpers (public functions of its server module, not re-exported by its index;
// the version is pinned exactly in package.json).
import remixExpress from '@remix-run/express/dist/server.js'
import { createRequestHandler } from '@remix-run/node'
import express from 'express'
import helmet from 'helmet'
import { createPageCache } from './server/page-cache.mjs'

const isProduction = process.env.NODE_ENV === 'production'
// Where `npm run build` wrote the app (BUILD_DIR lets two builds live side by side, e.g. in parallel test runs).
const buildDir = process.env.BUILD_DIR ?? 'build'

const viteDevServer = isProduction
  ? undefined
  : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const loadBuild = () =>
  viteDevServer
    ? viteDevServer.ssrLoadModule('virtual:remix/server-build')
    : import(new URL(`./${buildDir}/server/index.js`, import.meta.url).href)

const build = await loadBuild()
const { startServerApp, checkHealth } = build.entry.module
const started = await startServerApp()
if (started.error) {
  console.error(started.error)
  process.exit(1)
}
const { config } = started

// Only in production: in development every change must show at once.
const pageCache = isProduction && config.PAGE_CACHE ? createPageCache() : null

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', 'loopback')

// One line per request: no query strings (they may carry search terms) and no secrets from paths (one-time
// links, and the personal calendar feeds' /meetings/feed/<token>.ics).
const secretPath = /^(\/[a-z]{2}\/(?:invitations|reset-password)\/|\/+meetings\/+feed\/+)[^/?]+/i
if (config.LOG_REQUESTS) {
  app.use((req, res, next) => {
    const start = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      const path = req.path.replace(secretPath, '$1[redacted]')
      console.log(`${new Date().toISOString()} ${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`)
    })
    next()
  })
}

app.use((req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
  next()
})

app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`, ...(isProduction ? [] : ["'unsafe-inline'"])],
        'style-src': ["'self'", ...(isProduction ? [] : ["'unsafe-inline'"])],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'", ...(isProduction ? [] : ['ws:'])],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: isProduction && config.PUBLIC_URL?.startsWith('https:') ? undefined : false,
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  }),
)

app.get('/healthz', (_req, res) => {
  const ok = checkHealth()
  res.status(ok ? 200 : 503).type('text/plain').send(ok ? 'ok' : 'database unavailable')
})

// CSRF defence for every state change: the browser's Origin header must name this site. A missing
// Origin is refused too (every browser sends it on POST since 2020).
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])
const allowedOrigins = new Set(config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [])
app.use((req, res, next) => {
  if (safeMethods.has(req.method)) return next()
  const origin = req.get('origin')
  const own = `${req.protocol}://${req.get('host')}`
  if (origin && (origin === own || allowedOrigins.has(origin))) {
    // A state change may alter what visitors see: drop the cached pages.
    pageCache?.clear()
    return next()
  }
  res.status(403).type('text/plain').send('Forbidden: cross-origin request refused')
})

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  app.use('/assets', express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: '1y' }))
  app.use(express.static(`${buildDir}/client`, { maxAge: '1h' }))
}

// @remix-run/express is CommonJS: its helpers come from the default export.
const { createRemixRequest, sendRemixResponse } = remixExpress
const handleRemix = createRequestHandler(viteDevServer ? loadBuild : build, isProduction ? 'production' : 'development')

app.all('*', async (req, res, next) => {
  try {
    const nonce = res.locals.cspNonce
    const key = pageCache?.keyFor(req) ?? null
    const hit = key && pageCache.get(key, nonce)
    if (hit) {
      for (const [name, value] of hit.headers) res.append(name, value)
      res.status(hit.status).send(hit.body)
      return
    }
    const response = await handleRemix(createRemixRequest(req, res), { cspNonce: nonce, clientIp: req.ip })
    if (key && response.status === 200 && response.headers.get('content-type')?.startsWith('text/html')) {
      const body = await response.text()
      const headers = [...response.headers].filter(([name]) => name !== 'content-length')
      pageCache.set(key, { status: 200, headers, body, nonce })
      for (const [name, value] of headers) res.append(name, value)
      res.status(200).send(body)
      return
    }
    await sendRemixResponse(res, response)
  } catch (error) {
    next(error)
  }
})

// Last resort (Remix renders its own error pages; this catches failures around it): no stack trace to users.
app.use((error, req, res, _next) => {
  console.error(`error: ${req.method} ${req.path.replace(secretPath, '$1[redacted]')}:`, error)
  if (res.headersSent) return res.end()
  const ar = req.path.startsWith('/ar')
  res
    .status(500)
    .type('html')
    .send(
      ar
        ? '<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>حدث خطأ</title><h1>حدث خطأ</h1><p>تعذّر على المنصة إتمام طلبك. يُرجى المحاولة مرة أخرى بعد قليل.</p></html>'
        : '<!doctype html><html lang="en"><meta charset="utf-8"><title>Something went wrong</title><h1>Something went wrong</h1><p>The portal could not complete your request. Please try again in a moment.</p></html>',
    )
})

const server = app.listen(config.PORT, config.HOST, () => {
  console.log(`ParlNet listening on http://localhost:${config.PORT} (data in ${config.DATA_DIR})`)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
