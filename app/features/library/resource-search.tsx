import { Link } from '@remix-run/react'
import type { Segment } from '~/features/search'
import type { Language } from '~/utils/i18n'

/** Text with the words that matched the search in <mark> (segments from the server; never HTML). */
export function HighlightedText({ segments, lang }: { segments: Segment[]; lang: Language | undefined }) {
  return (
    <span lang={lang} dir={lang ? 'auto' : undefined}>
      {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}
    </span>
  )
}

/** One facet of the library's filters: each value a link that adds or removes it, with its count. */
export function FacetGroup({
  id,
  title,
  items,
  selectedLabel,
  compact = false,
}: {
  id: string
  title: string
  items: { label: string; count: string; href: string; selected: boolean }[]
  selectedLabel: string
  compact?: boolean
}) {
  return (
    <section className="facet" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="facet__title">
        {title}
      </h3>
      <ul className={compact ? 'facet__list facet__list--compact' : 'facet__list'}>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              to={item.href}
              className={item.selected ? 'facet__link facet__link--selected' : 'facet__link'}
              aria-current={item.selected ? 'true' : undefined}
            >
              <span className="facet__check" aria-hidden="true" />
              <span className="facet__label">
                {item.label}
                {item.selected ? <span className="visually-hidden"> {selectedLabel}</span> : null}
              </span>
              <span className="facet__count">{item.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
