// The driver adapter that the 6.19.0 CLI's Wasm schema engine migrates through
// (see prisma.config.ts).
//
// @prisma/adapter-pg 6.19.0 rejects PostgreSQL's `name` type (OID 19), which the
// schema engine's catalog queries return, so every `migrate` command fails with
// "Column type 'name' could not be deserialized from the database"
// (prisma/orm issue 27403, open). @prisma/adapter-pg 7.0.1 maps `name` to text.
// This pool's clients report `name` columns as `text` (OID 25), which is what
// `name` is: a string of at most 63 bytes, parsed by pg as a string either way.
// Only the migration CLI uses this; the application does not.
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'

const NAME_OID = 19
const TEXT_OID = 25

function nameAsText(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) {
      if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID
    }
  }
  return result
}

class NameAsTextClient extends pg.Client {
  query(...args) {
    const callbackAt = args.findIndex((arg) => typeof arg === 'function')
    if (callbackAt >= 0) {
      const callback = args[callbackAt]
      args[callbackAt] = (error, result) => callback(error, error ? result : nameAsText(result))
      return super.query(...args)
    }
    const pending = super.query(...args)
    return typeof pending?.then === 'function' ? pending.then(nameAsText) : pending
  }
}

export function migrationAdapter(connectionString) {
  // allowExitOnIdle: the 6.19.0 CLI does not end the pool, which would keep the
  // process alive for pg's 10 s idle timeout after the command is done
  const pool = new pg.Pool({ connectionString, Client: NameAsTextClient, max: 2, allowExitOnIdle: true })
  return new PrismaPg(pool, { disposeExternalPool: true })
}
