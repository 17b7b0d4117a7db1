import { useTranslation } from 'react-i18next'

/**
 * Turns validation message keys (from the zod schemas) into the page's language. A key may carry its values
 * as a query ("timeInGap?zone=Europe%2FBerlin&from=02%3A00"), for messages the server words from the data.
 */
export function useErrorText() {
  const { t } = useTranslation('common')
  return (errors: string[] | undefined, values?: Record<string, unknown>) =>
    errors?.map((error) => {
      const [key, query] = splitOnce(error, '?')
      const carried = query ? Object.fromEntries(new URLSearchParams(query)) : {}
      return t(`validation.${key}`, { defaultValue: t('validation.invalid'), ...values, ...carried })
    })
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator)
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)]
}
