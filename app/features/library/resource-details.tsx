import type { ReactNode } from 'react'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { countryName } from '~/utils/countries'
import { fileUrl } from '~/utils/file-url'
import { formatBytes, formatDate } from '~/utils/format'
import type { Language } from '~/utils/i18n'

type DetailsResource = {
  type: string
  publisher: string
  authors: string
  tags: string
  publishedOn: string | null
  languages: string[]
  pillars: number[]
  resolutions: string[]
  themes: string[]
  region: string | null
  countries: string[]
  parliaments: { id: number; nameEn: string; nameAr: string }[]
  licence: string
  externalUrl: string | null
  author: { name: string } | null
  files: { id: number; size: number; mediaType: string; originalName: string; role: string; language: string | null }[]
}

/** The files to download and the resource's catalogue record (publisher, topics, places, licence). */
export function ResourceDetails({ resource: r, lang }: { resource: DetailsResource; lang: Language }) {
  const { t } = useTranslation(['library', 'common', 'network'])
  const downloads = r.files.filter((f) => f.role !== 'poster')
  const rows: [string, ReactNode][] = []
  const add = (label: string, value: ReactNode, when: unknown) => {
    if (when) rows.push([label, value])
  }
  add(t('page.publisher'), <span dir="auto">{r.publisher}</span>, r.publisher)
  add(
    t('page.authors'),
    <ul className="inline-list">
      {r.authors
        .split('\n')
        .map((a) => a.trim())
        .filter(Boolean)
        .map((a) => (
          <li key={a} dir="auto">
            {a}
          </li>
        ))}
    </ul>,
    r.authors.trim(),
  )
  add(
    t('page.publishedOn'),
    r.publishedOn ? formatDate(new Date(`${r.publishedOn}T00:00:00Z`), lang) : '',
    r.publishedOn,
  )
  add(
    t('page.languages'),
    r.languages.map((l) => t(`contentLanguages.${l}`, { ns: 'library' })).join(lang === 'ar' ? '، ' : ', '),
    r.languages.length,
  )
  add(
    t('page.pillars'),
    <ul className="inline-list">
      {r.pillars.map((p) => (
        <li key={p}>
          <Link to={`/${lang}/resources?pillar=${p}`}>{t(`pillarsShort.${p}`, { ns: 'network' })}</Link>
        </li>
      ))}
    </ul>,
    r.pillars.length,
  )
  add(
    t('page.resolutions'),
    <ul className="inline-list">
      {r.resolutions.map((res) => (
        <li key={res}>
          <Link to={`/${lang}/resources?resolution=${res}`}>{t(`resolutions.${res}`, { ns: 'common' })}</Link>
        </li>
      ))}
    </ul>,
    r.resolutions.length,
  )
  add(
    t('page.themes'),
    <ul className="inline-list">
      {r.themes.map((theme) => (
        <li key={theme}>
          <Link to={`/${lang}/resources?theme=${theme}`}>{t(`themes.${theme}`, { ns: 'library' })}</Link>
        </li>
      ))}
    </ul>,
    r.themes.length,
  )
  add(t('page.keywords'), <span dir="auto">{r.tags}</span>, r.tags.trim())
  add(t('page.region'), r.region ? t(`regions.${r.region}`, { ns: 'common' }) : '', r.region)
  add(
    t('page.countries'),
    r.countries.map((c) => countryName(c, lang)).join(lang === 'ar' ? '، ' : ', '),
    r.countries.length,
  )
  add(
    t('page.parliaments'),
    <ul className="inline-list">
      {r.parliaments.map((p) => (
        <li key={p.id}>
          <Link to={`/${lang}/parliaments/${p.id}`}>
            <BilingualText en={p.nameEn} ar={p.nameAr} lang={lang} />
          </Link>
        </li>
      ))}
    </ul>,
    r.parliaments.length,
  )
  add(t('page.licence'), <span dir="auto">{r.licence}</span>, r.licence)
  add(
    t('page.link'),
    <a href={r.externalUrl ?? undefined} dir="ltr" rel="noopener noreferrer" className="break-anywhere">
      {r.externalUrl}
    </a>,
    r.externalUrl,
  )
  add(t('page.sharedBy'), r.author?.name, r.author?.name)
  return (
    <>
      <section className="resource-files" aria-labelledby="files-title">
        <h2 id="files-title">{t('page.files')}</h2>
        {downloads.length ? (
          <ul className="file-list">
            {downloads.map((f) => (
              <li key={f.id} className="file-list__item">
                <a href={`${fileUrl(f)}?download=1`} className="file-list__name" dir="auto" download>
                  {f.originalName}
                </a>
                <span className="file-list__meta">
                  {subtypeLabel(f.mediaType)} · <span dir="ltr">{formatBytes(f.size, lang)}</span>
                  {f.language ? (
                    <>
                      {' '}
                      · {t('page.fileLanguage', { language: t(`contentLanguages.${f.language}`, { ns: 'library' }) })}
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('page.noFiles')}</p>
        )}
      </section>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('page.details')}</h2>
        <dl className="details-list">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  )
}

/** "PDF", "MP4", "DOCX"… from a media type, for the file list. */
function subtypeLabel(mediaType: string) {
  const known: Record<string, string> = {
    'application/pdf': 'PDF',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
    'application/msword': 'DOC',
    'application/akn+xml': 'Akoma Ntoso XML',
    'audio/mpeg': 'MP3',
    'audio/mp4': 'M4A',
    'audio/x-m4a': 'M4A',
  }
  return known[mediaType] ?? (mediaType.split('/')[1] ?? mediaType).replace(/^x-/, '').toUpperCase()
}
