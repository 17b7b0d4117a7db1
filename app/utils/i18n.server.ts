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
  instance.getFixedT = ((...args: unknown[]) => {
    const fixed = getFixedT(...args)
    const [lng, ns, keyPrefix] = args
    const where = `${String(lng)}\u0000${Array.isArray(ns) ? ns.join(',') : String(ns)}\u0000${String(keyPrefix)}`
    let answers = answersOf.get(where)
    if (!answers) answersOf.set(where, (answers = new Map()))
    const memoized = (...call: unknown[]) => {
      const [key, options] = call
      if (typeof key !== 'string' || call.length > 2) return fixed(...call)
      let id = key
      if (options !== undefined) {
        // `{ ns: 'meetings' }` alone still names a fixed string; a count, values, a context or a default do not.
        const only = options as { ns?: unknown }
        if (typeof only !== 'object' || only === null || typeof only.ns !== 'string' || Object.keys(only).length !== 1)
          return fixed(...call)
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
