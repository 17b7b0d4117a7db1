// The one way the app reaches zod (ESLint forbids importing 'zod' anywhere else in app/). In a browser, zod 4 would
// compile object schemas with `new Function`, first probing whether it may: our CSP has no 'unsafe-eval', so the
// probe alone is reported as a violation (a Lighthouse best-practices failure). `jitless` skips probe and compiler
// there; the server keeps the faster compiled parsers. ES modules run their imports before their own body, so every
// module that builds a schema (it imports `z` from here) does so after this configuration.
import { z } from 'zod'

if (typeof document !== 'undefined') z.config({ jitless: true })

export { z }
