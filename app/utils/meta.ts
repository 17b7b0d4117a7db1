import type { MetaFunction } from '@remix-run/node'

/** Routes return a translated `title` from their loader; this puts it in <title>. */
export const titleMeta: MetaFunction = ({ data }) => {
  const title = (data as { title?: string } | undefined)?.title
  return title ? [{ title }] : []
}
