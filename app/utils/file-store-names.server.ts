// Safe file names: the name a user's file is offered back under (never used to build a path), cleaned of folders,
// tricks with invisible characters, and extensions that disagree with the content.
import { extensionsOf } from './file-types'

// What a name may not keep: C0/C1 controls, format characters (bidi marks, embeddings, overrides and isolates,
// which can show "exe.pdf" for "fdp.exe"; zero-width spaces; BOM), line and paragraph separators. ZWNJ and ZWJ
// stay: Persian and Urdu words need them.
const UNSAFE_CHARS = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu

// Extensions that say "this is a file of that type": the last one of a name, when it is one of these and does not
// fit the content, is replaced (report.pdf.html → report.pdf); any other ending gets the right extension added.
const TYPE_EXTENSIONS = new Set(
  (
    'pdf doc docx docm dot dotx xls xlsx xlsm xlsb ppt pptx pptm pps ppsx odt ods odp odg rtf txt csv md xml json ' +
    'htm html xhtml shtml mht mhtml svg svgz xht js mjs cjs jsx ts css php phtml asp aspx jsp cgi pl py rb sh bash ' +
    'bat cmd com exe scr msi msp dll cpl hta jar lnk ps1 psm1 vbs vbe wsf wsh reg url desktop app apk dmg iso img ' +
    'zip rar 7z tar gz tgz bz2 xz jpg jpeg jpe jfif png apng gif webp bmp tif tiff ico heic heif avif ' +
    'mp4 m4v mov avi mkv webm wmv flv mpg mpeg 3gp mp3 m4a aac ogg oga opus wav flac wma htaccess env'
  ).split(' '),
)

/**
 * The name a user's file is offered back under: no folders, no control, bidi or zero-width characters, NFC, no
 * leading dots (hidden files: ".htaccess", ".env") nor trailing dots and spaces ("x.html."), at most 200
 * characters, and, when the content's type is known, an extension that agrees with it ("report.pdf.html" holding a
 * PDF → "report.pdf"; "invoice" → "invoice.pdf"). Never used to build a path.
 */
export function cleanOriginalName(name: string | undefined | null, mediaType?: string) {
  let clean = (name ?? '')
    .normalize('NFC')
    .replace(UNSAFE_CHARS, '')
    .split(/[/\\]/)
    .pop()!
    .replace(/^[\s.]+|[\s.]+$/gu, '')
  const extensions = mediaType ? extensionsOf(mediaType) : []
  if (extensions.length > 0) {
    const ext = /\.([^.\s]{1,12})$/u.exec(clean)
    const lower = ext?.[0].toLowerCase() ?? ''
    if (!extensions.includes(lower)) {
      // A type's extension in the wrong place goes; any other ending is kept and the right one added.
      if (ext && TYPE_EXTENSIONS.has(ext[1]!.toLowerCase())) {
        clean = clean.slice(0, -ext[0].length).replace(/[\s.]+$/u, '')
      }
      const stillRight = extensions.some((e) => clean.toLowerCase().endsWith(e))
      if (!stillRight) clean = `${clean || 'file'}${extensions[0]}`
    }
  }
  if (clean === '') clean = 'file'
  const chars = [...clean]
  if (chars.length > 200) {
    const ext = /\.[^.]{1,10}$/.exec(clean)?.[0] ?? ''
    clean = chars.slice(0, 200 - [...ext].length).join('') + ext
  }
  return clean
}
