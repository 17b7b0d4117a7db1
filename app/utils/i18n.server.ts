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
  return instance
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
