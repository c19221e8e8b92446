// Plain text log lines, `<ISO-8601 time> <LEVEL> <message>`, to stdout and,
// when LOG_FILE is set, appended to that file too (synchronously, so a line is
// on disk before the process can die).
import { appendFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'

export function createLog(logFile) {
  if (logFile) mkdirSync(path.dirname(path.resolve(logFile)), { recursive: true })
  const write = (level, message) => {
    const line = `${new Date().toISOString()} ${level.padEnd(5)} ${message}\n`
    process.stdout.write(line)
    if (logFile) {
      try {
        appendFileSync(logFile, line)
      } catch (error) {
        process.stderr.write(`cannot write LOG_FILE ${logFile}: ${error.message}\n`)
      }
    }
  }
  return {
    info: (message) => write('INFO', message),
    warn: (message) => write('WARN', message),
    error: (message) => write('ERROR', message),
  }
}
