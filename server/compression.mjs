// What goes out compressed (issue 14): the browser's files as brotli or gzip copies made at build time
// (vite-plugin-compression2 in vite.config.ts), pages and data compressed on the fly by `compression`, and the
// visitor page cache's pages compressed once when stored (server/page-cache.mjs). Nothing is compressed twice:
// bytes served from disk (files, downloads, ranges) go out as they are stored.
import compression from 'compression'
import express from 'express'
import expressStaticGzip from 'express-static-gzip'

/**
 * Whether `compression` may compress this response on the fly: a compressible type (its own list), and none of
 * - a range or a file served by bytes (`Accept-Ranges`): a range must count the stored bytes, and what the files
 *   hold (PDF, images, video, Office documents, zip) is compressed already;
 * - an event stream, which must reach the browser event by event;
 * - a page from the visitor page cache, compressed once when it was stored.
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 */
export function shouldCompress(req, res) {
  if (res.locals.fromPageCache) return false
  if (req.headers.range || res.statusCode === 206 || res.hasHeader('content-range')) return false
  if (res.hasHeader('accept-ranges')) return false
  if (/^text\/event-stream\b/i.test(String(res.getHeader('content-type') ?? ''))) return false
  return compression.filter(req, res)
}

/**
 * Brotli (quality 4, the middleware's default: about gzip's speed, smaller) or gzip, as the browser prefers;
 * answers under 1 KB stay raw.
 */
export function compressResponses() {
  return compression({ filter: shouldCompress, threshold: 1024 })
}

const renderedWhole = /^(?:text\/html|text\/x-script)\b/i
const nullBodyStatus = new Set([101, 204, 205, 304])

/**
 * A Remix answer made ready for `compression`. Streamed as it comes, a document is some 30 pieces of about 2 KB
 * (React's), each written to the encoder and flushed (Remix's sendRemixResponse calls `res.flush()` after every
 * piece): each piece a round trip through zlib's thread pool, which halved the pages per second served compressed
 * (measured on /en, 10 connections). So:
 * - documents and single-fetch data, which the portal renders whole before sending (onAllReady, no deferred data),
 *   reach the encoder in one write;
 * - anything else keeps streaming (files from disk are never compressed), and the encoder flushes only at its end,
 *   but for an event stream, which keeps every flush.
 * @param {import('express').Response} res
 * @param {Response} response
 * @returns {Promise<Response>}
 */
export async function readyToCompress(res, response) {
  const type = response.headers.get('content-type') ?? ''
  if (/^text\/event-stream\b/i.test(type)) return response
  res.flush = () => {}
  if (!renderedWhole.test(type) || !response.body || nullBodyStatus.has(response.status)) return response
  const body = await response.arrayBuffer()
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
}

/**
 * Static files with their precompressed copies: `x.js.br` when the browser accepts brotli, else `x.js.gz`, else
 * `x.js`, with `Vary: Accept-Encoding` and the type of the original file. A Range request gets the original bytes.
 * @param {string} root
 * @param {import('serve-static').ServeStaticOptions} [options] passed to serve-static (maxAge, immutable…)
 */
export function precompressedStatic(root, options = {}) {
  const serveOptions = { index: false, ...options }
  const negotiated = expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: { ...serveOptions },
  })
  const original = express.static(root, serveOptions)
  return (req, res, next) => {
    if (!req.headers.range) return negotiated(req, res, next)
    res.vary('Accept-Encoding')
    return original(req, res, next)
  }
}
