// The error pages server.mjs answers itself, before or around Remix (a malformed address, a body no form takes, a
// failure Remix could not render): small, in the visitor's language, with the strings of locales/*/common.json.
import fs from 'node:fs'

const strings = Object.fromEntries(
  ['en', 'ar'].map((lang) => {
    const file = new URL(`../locales/${lang}/common.json`, import.meta.url)
    return [lang, JSON.parse(fs.readFileSync(file, 'utf8'))]
  }),
)

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])

/** The page's language: the address's first segment when it is one (any case, after stray slashes), else English. */
export function languageOfPath(path) {
  return /^\/*ar(?:[/?#.]|$)/i.test(String(path)) ? 'ar' : 'en'
}

/** A whole HTML page for `kind` (a key under `errors` in common.json: badRequest, unsupportedType, …). */
export function errorPage(lang, kind, status) {
  const t = strings[lang] ?? strings.en
  const { title, body } = t.errors[kind]
  const site = t.shell?.siteName ?? 'ParlNet'
  return `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(
    `${title} · ${site}`,
  )}</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>
<p>${escapeHtml(t.errors.status.replace('{{status}}', String(status)))}</p>
<p><a href="/${lang}">${escapeHtml(t.errors.back)}</a></p></main></body></html>`
}
