// What the 6.19.0 build runs on: its own pinned packages and the Prisma Client
// that the `prisma-client-js` generator wrote (CommonJS) to generated/client.
// The shared code in ../src gets these.
export { default as express } from 'express'
export { default as pg } from 'pg'
export { default as promClient } from 'prom-client'
export { PrismaPg } from '@prisma/adapter-pg'
export { PrismaClient } from './generated/client/index.js'
export const buildDir = import.meta.dirname
