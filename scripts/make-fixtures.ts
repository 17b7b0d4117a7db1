// `npx tsx scripts/make-fixtures.ts`: remakes the small media files the tests use, in e2e/fixtures/.
// Run once by hand and commit the results: the tests never call it (CI has no ffmpeg).
//   - arabic.pdf: Arabic text printed by Chromium (page.pdf()) in DejaVu Sans (see below), with a rare word
//     ("الاستشرافية", once with and once without diacritics) that occurs in no other fixture or seed;
//   - clip.mp4 (H.264 + AAC, faststart) and clip.webm (VP9 + Opus): 3 s of test pattern and a tone, 160×90;
//   - poster.jpg: one frame of the same pattern.
// Needs Chromium (CHROMIUM_PATH or /usr/bin/chromium), ffmpeg on the PATH and DejaVu Sans (Debian: fonts-dejavu-core).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'e2e', 'fixtures')
fs.mkdirSync(out, { recursive: true })

/** The paragraphs of the PDF (app/utils/pdf-text.server.test.ts expects them back in this order). */
const arabicPdfText = [
  'تعزز المساءلة البرلمانية الرقابة على تدابير مكافحة الإرهاب.',
  'تناقش اللجنة الدراسات الاستشرافية للتطرف العنيف.',
  'وتُعِدُّ اللجنةُ الخُطَطَ الاِسْتِشْرَافِيَّةَ للسنوات القادمة.',
  'عُقد الاجتماع في عام 2025 مع مكتب UNOCT في الدوحة.',
  'Parliamentary oversight of counter-terrorism measures.',
]

// DejaVu Sans, not Noto Sans Arabic: Noto draws dotted letters as a dotless body plus separate dots, glyphs with
// no Unicode value, so Chromium's PDF carries "\u0000" for them and no extractor can read the words back.
const fontFile = process.env.FIXTURE_FONT ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

async function makePdf() {
  const font = fs.readFileSync(fontFile).toString('base64')
  const html = `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<style>
@font-face { font-family: 'Fixture Sans'; src: url(data:font/ttf;base64,${font}) format('truetype'); }
body { font-family: 'Fixture Sans', sans-serif; font-size: 13pt; margin: 1.5cm; }
</style></head>
<body>${arabicPdfText.map((s) => (/^[A-Z]/.test(s) ? `<p dir="ltr" lang="en">${s}</p>` : `<p>${s}</p>`)).join('')}</body></html>`
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    const page = await browser.newPage()
    await page.setContent(html)
    await page.evaluate(() => document.fonts.ready)
    await page.pdf({ path: path.join(out, 'arabic.pdf'), format: 'A4' })
  } finally {
    await browser.close()
  }
}

function ffmpeg(...args: string[]) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' })
}

function makeMedia() {
  const video = ['-f', 'lavfi', '-i', 'testsrc=duration=3:size=160x90:rate=10']
  const audio = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3:sample_rate=22050']
  ffmpeg(
    ...video,
    ...audio,
    '-c:v',
    'libx264',
    '-profile:v',
    'baseline',
    '-pix_fmt',
    'yuv420p',
    '-crf',
    '35',
    '-c:a',
    'aac',
    '-b:a',
    '24k',
    '-ac',
    '1',
    '-movflags',
    '+faststart',
    '-shortest',
    path.join(out, 'clip.mp4'),
  )
  ffmpeg(
    ...video,
    ...audio,
    '-c:v',
    'libvpx-vp9',
    '-b:v',
    '40k',
    '-deadline',
    'realtime',
    '-c:a',
    'libopus',
    '-b:a',
    '24k',
    '-ac',
    '1',
    '-shortest',
    path.join(out, 'clip.webm'),
  )
  ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=1', '-frames:v', '1', '-q:v', '8', path.join(out, 'poster.jpg'))
}

await makePdf()
makeMedia()
for (const name of ['arabic.pdf', 'clip.mp4', 'clip.webm', 'poster.jpg']) {
  console.log(`${name}: ${fs.statSync(path.join(out, name)).size} bytes`)
}
