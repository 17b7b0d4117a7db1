// The production (and development) HTTP server: security headers, request log, health check, the
// same-origin rule for state changes, static files, then Remix.
import crypto from 'node:crypto'
import { existsSync } from 'node:fs'
import { inspect } from 'node:util'
// The adapter's request/response helpers (public functions of its server module, not re-exported by its index;
// the version is pinned exactly in package.json).
import remixExpress from '@remix-run/express/dist/server.js'
import { createRequestHandler } from '@remix-run/node'
import express from 'express'
import helmet from 'helmet'
import { compressResponses, precompressedStatic, readyToCompress } from './server/compression.mjs'
import { errorPage, languageOfPath } from './server/error-page.mjs'
import { redactPath, redactText } from './server/log-redaction.mjs'
import { createPageCache, isStorable } from './server/page-cache.mjs'
import { guardBuild, isDiskFull } from './server/storage-full.mjs'

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

// A full disk answers 503 "nothing was saved" from any loader or action (server/storage-full.mjs), logged once.
const storageGuard = {
  diskFull: () => isDiskFull(config.DATA_DIR),
  onFull: (error, request) => {
    const code = error?.cause?.code ?? error?.code ?? 'unknown'
    console.error(`storage full: ${request.method} ${redactPath(request.url)}: nothing was saved (${code})`)
  },
}

// Only in production: in development every change must show at once.
const pageCache = isProduction && config.PAGE_CACHE ? createPageCache() : null

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', 'loopback')

// One line per request: no query strings (they may carry search terms) and no secrets from paths (one-time
// links, the personal calendar feeds), whatever the shape of the address (server/log-redaction.mjs).
if (config.LOG_REQUESTS) {
  app.use((req, res, next) => {
    const start = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      const path = redactPath(req.originalUrl)
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
        'script-src': [
          "'self'",
          (_req, res) => `'nonce-${res.locals.cspNonce}'`,
          ...(isProduction ? [] : ["'unsafe-inline'"]),
        ],
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

// An address that does not decode (`/en/%E0%A4%A`) is the visitor's mistake: 400, before anything decodes it.
app.use((req, res, next) => {
  try {
    decodeURIComponent(req.path)
    return next()
  } catch {
    res
      .status(400)
      .type('html')
      .send(errorPage(languageOfPath(req.path), 'badRequest', 400))
  }
})

const healthText = {
  ok: 'ok',
  unavailable: 'database unavailable',
  'cannot-write': 'database cannot write (storage full?)',
}
app.get('/healthz', (_req, res) => {
  const health = checkHealth()
  res
    .status(health === 'ok' ? 200 : 503)
    .set('Cache-Control', 'no-store')
    .type('text/plain')
    .send(healthText[health] ?? health)
})

// CSRF defence for every state change: the browser's Origin header must name this site. A missing
// Origin is refused too (every browser sends it on POST since 2020).
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])
const allowedOrigins = new Set(config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [])
app.use((req, res, next) => {
  if (safeMethods.has(req.method)) return next()
  // RFC 8058 one-click unsubscribe: a mail provider posts without an Origin; the link's signature is the check
  // (app/routes/unsubscribe.ts ignores the session).
  if (req.method === 'POST' && req.path === '/unsubscribe') return next()
  const origin = req.get('origin')
  const own = `${req.protocol}://${req.get('host')}`
  if (origin && (origin === own || allowedOrigins.has(origin))) {
    // Remix repeats this check against X-Forwarded-Host (else Host) and throws, a 500, when they differ: a
    // forged or missing forwarded host. The origin is now known to be ours, so that is the host Remix should see.
    req.headers['x-forwarded-host'] = new URL(origin).host
    // A state change may alter what visitors see: drop the cached pages.
    pageCache?.clear()
    return next()
  }
  res.status(403).type('text/plain').send('Forbidden: cross-origin request refused')
})

// Every form of the portal (and /uploads) posts form-urlencoded or multipart bodies; anything else (JSON, text/plain)
// would reach request.formData() and fail there as a 500. An empty body needs no type.
const formTypes = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i
app.use((req, res, next) => {
  if (safeMethods.has(req.method)) return next()
  const type = req.get('content-type')
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined
  if (type ? formTypes.test(type) : !hasBody) return next()
  res
    .status(415)
    .set('Connection', 'close')
    .type('html')
    .send(errorPage(languageOfPath(req.path), 'unsupportedType', 415))
})

// Pages, data and feeds compressed on the fly (brotli or gzip); the browser's files are sent from their copies
// compressed at build time; files from the library and ranges go out as stored (server/compression.mjs).
app.use(compressResponses())

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  app.use('/assets', precompressedStatic(`${buildDir}/client/assets`, { immutable: true, maxAge: '1y' }))
  // A page's address (/en/…, /ar/…) cannot name a file of the client build, which has no en/ or ar/: it goes
  // straight to Remix instead of waiting for a stat that finds nothing.
  const clientFiles = precompressedStatic(`${buildDir}/client`, { maxAge: '1h' })
  const pagePrefixes = ['en', 'ar'].filter((lang) => !existsSync(`${buildDir}/client/${lang}`))
  const pagePath = new RegExp(`^/(?:${pagePrefixes.join('|') || '(?!)'})(?:/|$)`)
  app.use((req, res, next) => (pagePath.test(req.path) ? next() : clientFiles(req, res, next)))
}

// @remix-run/express is CommonJS: its helpers come from the default export.
const { createRemixRequest, sendRemixResponse } = remixExpress
const handleRemix = createRequestHandler(
  viteDevServer ? () => loadBuild().then((fresh) => guardBuild(fresh, storageGuard)) : guardBuild(build, storageGuard),
  isProduction ? 'production' : 'development',
)

// What a signed-in person sees, and every .data answer (the data of a page), stays in their browser's memory only:
// no shared proxy, no back/forward cache on a shared computer, never the visitor page cache. Files and feeds
// (resource routes) keep the caching they set themselves; what sets none (a redirect) gets no-store too.
const personalTypes = /^(?:text\/html|text\/x-script)\b/i
function isPersonal(req, response) {
  const cookies = req.headers.cookie ?? ''
  return (
    req.path.endsWith('.data') ||
    /(?:^|;\s*)session=/.test(cookies) ||
    response.headers.getSetCookie().some((cookie) => cookie.startsWith('session='))
  )
}

/** A page of the visitor cache: its stored headers, and `compression` told to leave its bytes alone. */
function sendCachedPage(res, page) {
  for (const [name, value] of page.headers) res.append(name, value)
  res.vary('Accept-Encoding')
  if (page.encoding) res.set('Content-Encoding', page.encoding)
  res.locals.fromPageCache = true
  res.status(page.status).send(page.body)
}

// A document or a page's data, rendered whole before it is sent (no deferred data; entry.server.tsx gives the
// document as one buffer): it goes out in one write, which `compression` encodes at once, instead of through the
// adapter's stream reader (server/compression.mjs says why one write matters).
const wholeTypes = /^(?:text\/html|text\/x-script)\b/i
const nullBodyStatus = new Set([101, 204, 205, 304])
function isWhole(response) {
  return (
    response.body !== null &&
    !nullBodyStatus.has(response.status) &&
    wholeTypes.test(response.headers.get('content-type') ?? '')
  )
}

/** What sendRemixResponse does (status, then every header, set-cookies one by one), with the body in one piece. */
async function sendWhole(res, response) {
  const body = Buffer.from(await response.arrayBuffer())
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers.entries()) res.append(name, value)
  res.end(body)
}

// app.use, not app.all('*'): express would decode the path as a route parameter first.
app.use(async (req, res, next) => {
  try {
    const nonce = res.locals.cspNonce
    const key = pageCache?.keyFor(req) ?? null
    // A cached page goes out gzipped from its stored compressed pieces (server/page-cache.mjs), or raw.
    const gzip = req.acceptsEncodings('gzip') === 'gzip'
    const hit = key && pageCache.get(key, nonce, { gzip })
    if (hit) return sendCachedPage(res, hit)
    const response = await handleRemix(createRemixRequest(req, res), { cspNonce: nonce, clientIp: req.ip })
    if (isPersonal(req, response)) {
      const page = personalTypes.test(response.headers.get('content-type') ?? '')
      if (page || !response.headers.has('cache-control')) response.headers.set('Cache-Control', 'private, no-store')
    }
    // Only a GET fills the cache: the answer to a HEAD has no body, and the visitors after it would get a blank page.
    if (key && req.method === 'GET' && isStorable(response.status, response.headers)) {
      const body = await response.text()
      const headers = [...response.headers].filter(([name]) => name !== 'content-length')
      pageCache.set(key, { status: 200, headers, body, nonce })
      return sendCachedPage(res, pageCache.get(key, nonce, { gzip }) ?? { status: 200, headers, body, encoding: null })
    }
    if (isWhole(response)) return await sendWhole(res, response)
    await sendRemixResponse(res, await readyToCompress(res, response))
  } catch (error) {
    next(error)
  }
})

// Last resort (Remix renders its own error pages; this catches failures around it): no stack trace to users.
// The error is printed through redactText: its message may quote the address (express's "Failed to decode param").
app.use((error, req, res, _next) => {
  const status = Number(error?.status ?? error?.statusCode)
  const clientError = status >= 400 && status < 500
  if (clientError) console.error(`error: ${req.method} ${redactPath(req.originalUrl)}: ${status}`)
  else console.error(`error: ${req.method} ${redactPath(req.originalUrl)}: ${redactText(inspect(error))}`)
  if (res.headersSent) return res.end()
  const lang = languageOfPath(req.path)
  if (clientError)
    return res
      .status(status)
      .type('html')
      .send(errorPage(lang, status === 415 ? 'unsupportedType' : 'badRequest', status))
  res
    .status(500)
    .type('html')
    .send(errorPage(lang, 'unexpected', 500))
})

const server = app.listen(config.PORT, config.HOST, () => {
  console.log(`ParlNet listening on http://localhost:${config.PORT} (data in ${config.DATA_DIR})`)
})

// A request whose address and headers pass Node's 16 KB limit (a hand-made search of 50,000 emoji; the search boxes
// take 200 characters) never reaches express: Node would close the socket with a bare 431. Answer it with a page in
// the visitor's language instead. The limit stays at 16 KB on purpose: a bigger one lets every slow client hold that
// much memory per connection, and no page of the portal needs a longer address (docs/decisions/023).
server.on('clientError', (error, socket) => {
  if (!socket.writable) return socket.destroy()
  if (error.code !== 'HPE_HEADER_OVERFLOW') {
    return socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  }
  const start = error.rawPacket ? error.rawPacket.subarray(0, 64).toString('latin1') : ''
  const lang = languageOfPath(/^[A-Z]+ (\S*)/.exec(start)?.[1] ?? '')
  const body = Buffer.from(errorPage(lang, 'addressTooLong', 431))
  console.error('error: a request longer than the header limit: 431')
  socket.end(
    'HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/html; charset=utf-8\r\n' +
      `Content-Length: ${body.length}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'none'\r\nConnection: close\r\n\r\n${body}`,
  )
})

// Stopping (SIGTERM from systemd or docker, Ctrl-C): stop accepting, let the requests in flight finish, close idle
// connections at once (one that never sends a request included) and each busy one when its answer is sent, and cut
// whatever is left at the deadline, so that the process is gone within 10 s.
const shutdownDeadlineMs = 8_000
const busy = new Map() // socket → requests in flight on it
server.on('connection', (socket) => {
  busy.set(socket, 0)
  socket.on('close', () => busy.delete(socket))
})
let stopping = false
server.on('request', (req, res) => {
  const socket = req.socket
  busy.set(socket, (busy.get(socket) ?? 0) + 1)
  if (stopping) res.setHeader('Connection', 'close')
  res.on('close', () => {
    const left = (busy.get(socket) ?? 1) - 1
    busy.set(socket, left)
    if (stopping && left === 0) socket.end()
  })
})
function stop(signal) {
  if (stopping) return
  stopping = true
  console.log(`${signal}: stopping (the requests in flight may take up to ${shutdownDeadlineMs / 1000} s)`)
  server.close(() => process.exit(0))
  for (const [socket, count] of busy) if (count === 0) socket.destroy()
  setTimeout(() => {
    console.error(`${signal}: ${busy.size} connection(s) still open at the deadline: closed`)
    for (const socket of busy.keys()) socket.destroy()
    process.exit(0)
  }, shutdownDeadlineMs).unref()
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal))
