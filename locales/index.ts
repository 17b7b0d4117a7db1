// All UI strings, bundled once into the server at build time (loaded once at start-up, never per request).
import arAdmin from './ar/admin.json'
import arAuth from './ar/auth.json'
import arCommon from './ar/common.json'
import arNetwork from './ar/network.json'
import enAdmin from './en/admin.json'
import enAuth from './en/auth.json'
import enCommon from './en/common.json'
import enNetwork from './en/network.json'

export const resources = {
  en: { common: enCommon, auth: enAuth, admin: enAdmin, network: enNetwork },
  ar: { common: arCommon, auth: arAuth, admin: arAdmin, network: arNetwork },
}
