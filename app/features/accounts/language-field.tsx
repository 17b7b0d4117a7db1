import type { FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { FormSelect } from '~/components/form/conform-fields'

// Each language is named in itself, whatever the page's language.
const languageOptions = [
  { value: 'en', label: 'English' },
  { value: 'ar', label: 'العربية' },
]

/** A choice of English or Arabic: an account's preferred language, an invitation's language. */
export function LanguageField<Schema>({ field, label }: { field: FieldMetadata<Schema>; label: ReactNode }) {
  return <FormSelect field={field} label={label} options={languageOptions} />
}
