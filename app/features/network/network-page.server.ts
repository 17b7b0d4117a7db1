// What the network's statistics page shows ($lang.network): the figures of network-stats.server.ts and the world
// map, sorted and labelled in the viewer's language, and nothing more (shares, never the counts by age behind them).
import type { Chamber } from '~/utils/vocabulary'
import { pickLanguage } from '~/utils/bilingual'
import { countryName, countryOptions } from '~/utils/countries'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import { MIN_AGE_GROUP, getNetworkStats } from './network-stats.server'
import { getWorldMap } from './world-map.server'

type ParliamentRow = { countryCode: string | null; chamber: Chamber | null; nameEn: string; nameAr: string }

/** A short label for a bar: the country (with the chamber when two of its chambers are in the network) or the name. */
function chartLabel(p: ParliamentRow, all: ParliamentRow[], lang: Language): { label: string; labelLang?: Language } {
  if (p.countryCode) {
    const country = countryName(p.countryCode, lang)
    const twoChambers = p.chamber && all.filter((o) => o.countryCode === p.countryCode).length > 1
    return { label: twoChambers ? `${country} · ${getFixedT(lang, 'network')(`chambers.${p.chamber}`)}` : country }
  }
  const picked = pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang)
  return picked.lang ? { label: picked.text, labelLang: picked.lang } : { label: picked.text }
}

export function getNetworkPage(lang: Language) {
  const stats = getNetworkStats()
  const countries = countryOptions(stats.countries, lang)
  const map = getWorldMap(countries.map((c) => c.code))
  const drawn = new Map(map.network.map((c) => [c.code, c]))
  const collator = new Intl.Collator(lang)
  // Sorted here, once, so the browser's collation can never reorder what the server rendered.
  const parliaments = stats.parliaments
    .map((p) => ({
      id: p.id,
      nameEn: p.nameEn,
      nameAr: p.nameAr,
      members: p.members,
      womenShare: p.womenShare,
      ipuWomenShare: p.ipuWomenShare,
      youthShares: p.youthShares,
      ...chartLabel(p, stats.parliaments, lang),
    }))
    .sort((a, b) =>
      collator.compare(
        pickLanguage({ en: a.nameEn, ar: a.nameAr }, lang).text,
        pickLanguage({ en: b.nameEn, ar: b.nameAr }, lang).text,
      ),
    )
  return {
    composition: stats.composition,
    shares: {
      members: stats.shares.members,
      womenShare: stats.shares.womenShare,
      youthShares: stats.shares.youthShares,
    },
    ipu: { network: stats.ipu.network.share, world: stats.ipu.world.share, asOf: stats.ipu.asOf },
    parliaments,
    withWomenFigures: parliaments
      .filter((p) => p.womenShare != null || p.ipuWomenShare != null)
      .map((p) => ({
        id: p.id,
        label: p.label,
        labelLang: p.labelLang,
        womenShare: p.womenShare,
        ipuWomenShare: p.ipuWomenShare,
      }))
      .sort((a, b) => collator.compare(a.label, b.label)),
    map: {
      width: map.width,
      height: map.height,
      others: map.others,
      countries: countries.map((c) => ({
        ...c,
        href: `/${lang}/parliaments?country=${c.code}`,
        d: drawn.get(c.code)?.d ?? '',
        dot: drawn.get(c.code)?.dot ?? null,
        isDrawn: drawn.has(c.code),
      })),
    },
    minAgeGroup: MIN_AGE_GROUP,
  }
}

export type NetworkPage = ReturnType<typeof getNetworkPage>
