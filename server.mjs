// The production (and development) HTTP server: security headers, request log, health check, the
// same-origin rule for state changes, static files, then Remix.
import crypto from 'node:crypto'
import { createRequestHandler } from '@remix-run/express'
import express from 'express'
import helmet from 'helmet'

const isProduction = process.env.NODE_ENV === 'production'

const viteDevServer = isProduction
  ? undefined
  : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const loadBuild = () =>
  viteDevServer
    ? viteDevServer.ssrLoadModule('virtual:remix/server-build')
    : import('./build/server/index.js')

const build = await loadBuild()
const { startServerApp, checkHealth } = build.entry.module
const started = await startServerApp()
if (started.error) {
  console.error(started.error)
  process.exit(1)
}
const { config } = started

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', 'loopback')

// One line per request: no query strings (they may carry search terms) and no secrets from paths.
const secretPath = /^(\/[a-z]{2}\/(?:invitations|reset-password)\/)[^/?]+/
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
  if (origin && (origin === own || allowedOrigins.has(origin))) return next()
  res.status(403).type('text/plain').send('Forbidden: cross-origin request refused')
})

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
  app.use(express.static('build/client', { maxAge: '1h' }))
}

app.all(
  '*',
  createRequestHandler({
    build: viteDevServer ? loadBuild : build,
    mode: isProduction ? 'production' : 'development',
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip }),
  }),
)

const server = app.listen(config.PORT, config.HOST, () => {
  console.log(`ParlNet listening on http://localhost:${config.PORT} (data in ${config.DATA_DIR})`)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
