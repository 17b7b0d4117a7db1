import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import { asDraftsError, errorKey } from '../errors'

/** The drafts' refusal codes (errors.ts) in the page's language: `drafts:errors.<code>` or the common wording. */
export function useDraftsErrorText() {
  const { t } = useTranslation(['drafts', 'common'])
  return (errors: readonly string[] | null | undefined) =>
    errors?.length ? errors.map((code) => t(errorKey(asDraftsError(code)))) : undefined
}

/** A form's own error (not a field's), announced at once; the form points at `id`. */
export function ConsultationFormError({ id, errors }: { id?: string; errors: readonly string[] | null | undefined }) {
  const errorText = useDraftsErrorText()
  return <FormError id={id}>{errorText(errors)?.join(' ')}</FormError>
}
