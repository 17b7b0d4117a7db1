import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FilterSelect } from '~/components/filter-select'
import { GetForm } from '~/components/get-form'
import { formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { MAX_SEARCH_LENGTH } from '~/utils/query-string'
import { regions } from '~/utils/vocabulary'

/**
 * A directory's search form (parliaments, members, mechanisms): the text box, the filters given as children and
 * the button; below it, when the address held more text than a page reads, the notice that says so.
 */
export function ListSearch({
  formLabel,
  searchLabel,
  applyLabel,
  q,
  shortened,
  lang,
  children,
}: {
  formLabel: string
  searchLabel: string
  applyLabel: string
  q: string
  shortened: boolean
  lang: Language
  children: ReactNode
}) {
  const { t } = useTranslation('common')
  return (
    <>
      <GetForm className="filters" role="search" aria-label={formLabel}>
        <div className="field filters__query">
          <label htmlFor="q">{searchLabel}</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={MAX_SEARCH_LENGTH} />
        </div>
        {children}
        <button type="submit" className="button">
          {applyLabel}
        </button>
      </GetForm>
      {shortened ? (
        <p className="notice">{t('searchShortened', { max: formatNumber(MAX_SEARCH_LENGTH, lang) })}</p>
      ) : null}
    </>
  )
}

/** A directory's region and country filters (`countries`: those its rows have, named in the page's language). */
export function PlaceFilters({
  regionLabel,
  countryLabel,
  allLabel,
  region,
  country,
  countries,
}: {
  regionLabel: string
  countryLabel: string
  allLabel: string
  region: string | undefined
  country: string | undefined
  countries: { code: string; name: string }[]
}) {
  const { t } = useTranslation('common')
  return (
    <>
      <FilterSelect
        name="region"
        label={regionLabel}
        value={region}
        allLabel={allLabel}
        options={regions.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
      />
      <FilterSelect
        name="country"
        label={countryLabel}
        value={country}
        allLabel={allLabel}
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
      />
    </>
  )
}
