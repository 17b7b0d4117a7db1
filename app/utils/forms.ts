import { useTranslation } from 'react-i18next'

/** Turns validation message keys (from the zod schemas) into the page's language. */
export function useErrorText() {
  const { t } = useTranslation('common')
  return (errors: string[] | undefined, values?: Record<string, unknown>) =>
    errors?.map((key) => t(`validation.${key}`, { defaultValue: t('validation.invalid'), ...values }))
}
