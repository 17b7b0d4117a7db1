import type { FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { FormInput, FormTextarea } from './conform-fields'

/** The English then the Arabic field of a bilingual pair (titleEn / titleAr). */
type Pair<Schema> = [FieldMetadata<Schema>, FieldMetadata<Schema>]

/**
 * A bilingual pair of one-line inputs, each in its own language and direction. The hint speaks of the pair
 * ("at least one of the two"), so it is shown once, with the English field.
 */
export function BilingualInputs<Schema>({
  fields: [en, ar],
  labels: [enLabel, arLabel],
  hint,
  maxLength,
}: {
  fields: Pair<Schema>
  labels: [ReactNode, ReactNode]
  hint?: ReactNode
  maxLength?: number
}) {
  return (
    <>
      <FormInput field={en} label={enLabel} hint={hint} lang="en" dir="ltr" maxLength={maxLength} />
      <FormInput field={ar} label={arLabel} lang="ar" dir="rtl" maxLength={maxLength} />
    </>
  )
}

/** A bilingual pair of textareas, each in its own language and direction, the hint shown with each. */
export function BilingualTextareas({
  fields: [en, ar],
  labels: [enLabel, arLabel],
  hint,
  rows,
  maxLength,
}: {
  fields: Pair<string | undefined>
  labels: [ReactNode, ReactNode]
  hint?: ReactNode
  rows?: number
  maxLength?: number
}) {
  const pair = [
    { field: en, label: enLabel, lang: 'en' },
    { field: ar, label: arLabel, lang: 'ar' },
  ] as const
  const shared = { hint, rows, maxLength }
  return (
    <>
      {pair.map(({ field, label, lang }) => (
        <FormTextarea key={lang} field={field} label={label} lang={lang} {...shared} />
      ))}
    </>
  )
}
