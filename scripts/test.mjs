// `npm test`: the type check, the lint, the unit tests and the build run side by side (they do not depend on
// each other, and none of them keeps both cores busy alone); each one's output is printed in one piece when it
// ends. Then, if all four passed, the browser tests run against the fresh build, with their output live.
// Fails (exit code 1) as soon as anything fails. No dependency: plain node.
import { spawn } from 'node:child_process'

const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text)
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`
const children = new Set()

/** Runs `npm run <script>`; its output is kept and printed as one block when it ends. */
function runBuffered(script) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The tools see a pipe, not a terminal: keep their colours when we print to one.
      env: color ? { ...process.env, FORCE_COLOR: '1' } : process.env,
    })
    children.add(child)
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    const finish = (code) => {
      children.delete(child)
      const ok = code === 0
      const took = seconds(Date.now() - started)
      const text = Buffer.concat(output).toString().trimEnd()
      process.stdout.write(
        `\n${paint(ok ? 32 : 31, `── ${script}: ${ok ? 'passed' : `FAILED (exit ${code})`} in ${took} ──`)}\n`,
      )
      if (text) process.stdout.write(`${text}\n`)
      resolve({ script, ok, took })
    }
    child.on('error', (error) => (output.push(Buffer.from(String(error))), finish(-1)))
    child.on('close', (code, signal) => finish(code ?? signal))
  })
}

/** Runs `npm run <script>` with its output straight to the terminal. */
function runLive(script) {
  const started = Date.now()
  process.stdout.write(`\n${paint(1, `── ${script} ──`)}\n`)
  return new Promise((resolve) => {
    // The browser tests' screenshots are for people to look at: off here unless asked (E2E_SCREENSHOTS=1).
    const env = { ...process.env, E2E_SCREENSHOTS: process.env.E2E_SCREENSHOTS ?? '0' }
    const child = spawn('npm', ['run', '--silent', script], { stdio: 'inherit', env })
    children.add(child)
    child.on('close', (code) => {
      children.delete(child)
      resolve({ script, ok: code === 0, took: seconds(Date.now() - started) })
    })
  })
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal)
    process.exit(130)
  })
}

const started = Date.now()
const results = await Promise.all(['typecheck', 'lint', 'test:unit', 'build'].map(runBuffered))
if (results.every((r) => r.ok)) results.push(await runLive('test:e2e'))

const failed = results.filter((r) => !r.ok).map((r) => r.script)
process.stdout.write(`\n${results.map((r) => `${r.script} ${r.ok ? 'passed' : 'FAILED'} (${r.took})`).join(', ')}\n`)
if (failed.length > 0) {
  const skipped = results.some((r) => r.script === 'test:e2e') ? '' : ' (the browser tests were not run)'
  process.stdout.write(
    `${paint(31, `npm test failed: ${failed.join(', ')}${skipped}`)} after ${seconds(Date.now() - started)}\n`,
  )
  process.exit(1)
}
process.stdout.write(`${paint(32, 'npm test passed')} in ${seconds(Date.now() - started)}\n`)
