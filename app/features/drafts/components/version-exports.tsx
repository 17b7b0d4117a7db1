// The downloads of a version (or of the working text, version null): one Akoma Ntoso file per language and one
// Word file with both languages side by side. Plain links to the resource routes drafts.$id.akn[.xml] and
// drafts.$id.word[.docx]; `download` keeps the browser on the page.
import { useTranslation } from 'react-i18next'
import type { TextLanguage } from '../snapshot'

export function exportHref(draftId: number, file: 'akn.xml' | 'word.docx', version: number | null, lang?: string) {
  const query = new URLSearchParams()
  if (version !== null) query.set('version', String(version))
  if (lang) query.set('lang', lang)
  const q = query.toString()
  return `/drafts/${draftId}/${file}${q ? `?${q}` : ''}`
}

export function VersionExports({
  draftId,
  version,
  languages,
  compact = false,
}: {
  draftId: number
  version: number | null
  languages: TextLanguage[]
  /** Short link texts (in a list of versions, where the version is already said by the row's heading). */
  compact?: boolean
}) {
  const { t } = useTranslation('drafts')
  const languageName = (l: string) => t(`exports.languages.${l}`, { defaultValue: l })
  // Short texts repeat from row to row: the version, said only to screen readers, tells the links apart.
  const context =
    compact && version !== null ? (
      <span className="visually-hidden">{t('versions.number', { n: version })}: </span>
    ) : null
  return (
    <ul className="version-exports">
      {languages.map((l) => (
        <li key={l}>
          <a href={exportHref(draftId, 'akn.xml', version, l)} download>
            {context}
            {t(compact ? 'exports.aknShort' : 'exports.akn', { language: languageName(l) })}
          </a>
        </li>
      ))}
      <li>
        <a href={exportHref(draftId, 'word.docx', version)} download>
          {context}
          {t(compact ? 'exports.wordShort' : 'exports.word')}
        </a>
      </li>
    </ul>
  )
}
