type TextItem = { str?: string; transform?: number[]; width?: number; height?: number; hasEOL?: boolean }
/** One page's text in reading order (lines separated by "\n") from pdf.js's text items. */
export function pageText(items: ReadonlyArray<TextItem>): string
