#!/usr/bin/env node
// Seeds the blog database through a build's Prisma Client (default prisma7):
//
//   node examples/prisma-express/tools/seed.mjs [prisma7|prisma6]
//
// Idempotent: users are upserted by email and a post is created only if its
// author has no post with that title yet, so a second run adds nothing.
// Needs DATABASE_URL, an installed and generated build, and migrated tables.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const build = process.argv[2] ?? 'prisma7'

const USERS = [
  {
    email: 'alice@example.com',
    name: 'Alice',
    posts: [
      { title: 'Join the Prisma community', content: 'Ask questions and share what you build with Prisma ORM.', published: true },
      { title: 'Notes on connection pooling', content: 'pg.Pool sizing for an Express API.', published: false },
    ],
  },
  {
    email: 'nilu@example.com',
    name: 'Nilu',
    posts: [
      { title: 'Routing in Express 5', content: 'Async handlers reject straight into the error middleware.', published: true },
    ],
  },
  {
    email: 'mahmoud@example.com',
    name: 'Mahmoud',
    posts: [
      { title: 'Reading a query plan', content: 'EXPLAIN ANALYZE on the feed query.', published: true },
      { title: 'Draft: release checklist', content: null, published: false },
    ],
  },
]

if (!['prisma6', 'prisma7'].includes(build)) {
  console.error(`seed: the argument must be prisma6 or prisma7, got ${JSON.stringify(build)}`)
  process.exit(2)
}
if (!process.env.DATABASE_URL) {
  console.error('seed: DATABASE_URL is not set (the PostgreSQL database to seed)')
  process.exit(2)
}

const deps = await import(pathToFileURL(path.join(root, build, 'deps.js')).href).catch((error) => {
  console.error(`seed: cannot load the ${build} build (npm ci and tools/generate.mjs first): ${error.message}`)
  process.exit(2)
})
const { connect } = await import(pathToFileURL(path.join(root, 'src', 'db.js')).href)
const log = { warn: (message) => console.error(message) }
const { prisma, pool } = connect({ deps, connectionString: process.env.DATABASE_URL, log })

let usersCreated = 0
let postsCreated = 0
try {
  for (const { posts, ...user } of USERS) {
    const before = await prisma.user.findUnique({ where: { email: user.email } })
    const saved = before ?? (await prisma.user.create({ data: user }))
    if (!before) usersCreated++
    for (const post of posts) {
      const existing = await prisma.post.findFirst({ where: { authorId: saved.id, title: post.title } })
      if (!existing) {
        await prisma.post.create({ data: { ...post, authorId: saved.id } })
        postsCreated++
      }
    }
  }
  const [users, posts, published] = await Promise.all([
    prisma.user.count(),
    prisma.post.count(),
    prisma.post.count({ where: { published: true } }),
  ])
  console.log(`seed: created ${usersCreated} users and ${postsCreated} posts; database has ${users} users, ${posts} posts (${published} published)`)
} catch (error) {
  console.error(`seed: failed: ${error.message}`)
  process.exitCode = 1
} finally {
  await prisma.$disconnect()
  await pool.end()
}
