import type { EntryContext } from '@remix-run/node'
import i18next, { type i18n, type TFunction } from 'i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { resources } from '#locales/index'
import { fallbackLanguage, languages, namespaces, type Language, type Namespace } from './i18n'
import { namespacesOfHandles, serializeForScript } from './i18n-resources'

function createInstance(lang: Language) {
  const instance = i18next.createInstance()
  // initImmediate:false makes init synchronous: resources are already in memory.
  void instance.init({
    lng: lang,
    fallbackLng: false,
    resources,
    ns: [...namespaces],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initImmediate: false,
    returnNull: false,
  })
  memoizePlainCalls(instance)
  return instance
}

type Template = { parts: string[]; slots: number[] }

// What i18next reads in a call's options (t's own settings, not values for the string).
const reservedOptions = new Set([
  'count',
  'context',
  'defaultValue',
  'ns',
  'lng',
  'lngs',
  'fallbackLng',
  'keyPrefix',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'replace',
  'ordinal',
  'skipInterpolation',
  'nsSeparator',
  'keySeparator',
])
// Characters no string of the locales holds.
const marker = (i: number) => `\u0002${i}\u0003`
// eslint-disable-next-line no-control-regex -- the markers are control characters so that no string can hold them
const markerPattern = /\u0002(\d+)\u0003/g

/** The answer for marker values cut at the markers; null when a value does not come back as its marker. */
function makeTemplate(answer: unknown, count: number): Template | null {
  if (typeof answer !== 'string') return null
  const parts: string[] = []
  const slots: number[] = []
  let last = 0
  for (const m of answer.matchAll(markerPattern)) {
    parts.push(answer.slice(last, m.index))
    slots.push(Number(m[1]))
    last = m.index + m[0].length
  }
  parts.push(answer.slice(last))
  // Each value must come back (a formatter turns its marker into something else); unused values are suspicious too.
  if (new Set(slots).size !== count || answer.replace(markerPattern, '').includes('\u0002')) return null
  return { parts, slots }
}

// Some 1,800 keys a language, each under one or two lists of namespaces.
const maxAnswers = 10_000

/**
 * Most calls of t() while rendering a page name a key and nothing else (or only its namespace), and the resources
 * never change while the process runs: each such answer is worked out once per language, list of namespaces and
 * key prefix (a page makes some hundreds of these calls; react-i18next asks for a fixed t at every render).
 */
function memoizePlainCalls(instance: i18n) {
  type Fixed = ((...args: unknown[]) => unknown) & { lng?: unknown; lngs?: unknown; ns?: unknown; keyPrefix?: unknown }
  const getFixedT = instance.getFixedT.bind(instance) as unknown as (...args: unknown[]) => Fixed
  const answersOf = new Map<string, Map<string, string>>()
  const templatesOf = new Map<string, Map<string, Template | null>>()
  instance.getFixedT = ((...args: unknown[]) => {
    const fixed = getFixedT(...args)
    const [lng, ns, keyPrefix] = args
    const where = `${String(lng)}\u0000${Array.isArray(ns) ? ns.join(',') : String(ns)}\u0000${String(keyPrefix)}`
    let answers = answersOf.get(where)
    if (!answers) answersOf.set(where, (answers = new Map()))
    let templates = templatesOf.get(where)
    if (!templates) templatesOf.set(where, (templates = new Map()))

    /**
     * A call with values (`t('page.discussOf', { name })`, hundreds on a long draft's page): the string is worked out
     * once with a marker in place of each value, then only the values are put in. Anything i18next itself reads in
     * the options (a count, a context, a default…), a value that is not a string or a number, or a string whose
     * value goes through a formatter (`{{n, number}}`: its marker does not come back) takes the full path.
     */
    const interpolate = (key: string, values: Record<string, unknown>, names: string[], call: unknown[]) => {
      if (names.length === 0 || names.length > 8) return fixed(...call)
      for (const name of names) {
        const value = values[name]
        if (reservedOptions.has(name) || (typeof value !== 'string' && typeof value !== 'number')) return fixed(...call)
      }
      const id = `${key}\u0000${names.join('\u0001')}`
      let template = templates.get(id)
      if (template === undefined) {
        template = makeTemplate(fixed(key, Object.fromEntries(names.map((n, i) => [n, marker(i)]))), names.length)
        if (templates.size >= maxAnswers) templates.clear()
        templates.set(id, template)
      }
      if (template === null) return fixed(...call)
      let out = template.parts[0]!
      for (let i = 0; i < template.slots.length; i++)
        out += String(values[names[template.slots[i]!]!]) + template.parts[i + 1]!
      return out
    }
    const memoized = (...call: unknown[]) => {
      const [key, options] = call
      if (typeof key !== 'string' || call.length > 2) return fixed(...call)
      let id = key
      if (options !== undefined) {
        if (typeof options !== 'object' || options === null) return fixed(...call)
        const only = options as Record<string, unknown>
        const names = Object.keys(only)
        // `{ ns: 'meetings' }` alone still names a fixed string; values go through the template below.
        if (names.length !== 1 || typeof only.ns !== 'string') return interpolate(key, only, names, call)
        id = `${only.ns}\u0000${key}`
      }
      let answer = answers.get(id)
      if (answer === undefined) {
        const translated = fixed(...call)
        if (typeof translated !== 'string') return translated
        // Keys can be built from what a request carries (a flash code): the memory stays bounded whatever comes.
        if (answers.size >= maxAnswers) answers.clear()
        answers.set(id, (answer = translated))
      }
      return answer
    }
    return Object.assign(memoized, { lng: fixed.lng, lngs: fixed.lngs, ns: fixed.ns, keyPrefix: fixed.keyPrefix })
  }) as unknown as i18n['getFixedT']
}

// One instance per language for the life of the process; requests never mutate them.
const instances: Record<Language, i18n> = { en: createInstance('en'), ar: createInstance('ar') }

export function getI18nInstance(lang: Language) {
  return instances[lang]
}

export function getFixedT(lang: Language, ns: Namespace | Namespace[] = 'common'): TFunction {
  return instances[lang].getFixedT(lang, ns)
}

/**
 * The namespaces the page's matched routes declare. (remix-i18next's getRouteNamespaces reads `routeModules`,
 * which in Remix v2 holds every route of the app, so it would name all of them.)
 */
export function routeNamespaces(context: EntryContext): Namespace[] {
  return namespacesOfHandles(
    context.staticHandlerContext.matches.map((match) => context.routeModules[match.route.id]?.handle),
  )
}

// At most one entry per language and list of namespaces a page declares (a few dozen): the strings never change.
const inlinedJson = new Map<string, string>()

/** The strings of those namespaces in that language, as JSON safe to inline in a <script> of the page. */
export function inlinedResources(lang: Language, names: readonly Namespace[]) {
  const key = `${lang}:${names.join(',')}`
  let json = inlinedJson.get(key)
  if (json === undefined) {
    json = serializeForScript(Object.fromEntries(names.map((ns) => [ns, resources[lang][ns]])))
    inlinedJson.set(key, json)
  }
  return json
}

/** Picks the language for `/`: a saved preference (found by `findSavedLanguage`), then Accept-Language, then English. */
export function createLanguageDetector(findSavedLanguage: (request: Request) => Promise<string | null>) {
  return new RemixI18Next({
    detection: {
      supportedLanguages: [...languages],
      fallbackLanguage,
      order: ['custom', 'header'],
      findLocale: findSavedLanguage,
    },
  })
}
