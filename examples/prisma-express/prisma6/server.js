// Entry point: node server.js (env: DATABASE_URL, PORT, HOST, LOG_FILE).
import * as deps from './deps.js'
import { start } from '../src/server.js'

start(deps)
