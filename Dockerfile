# The production image: node dist/main.js on Node 24, production dependencies only, non-root.
#
#   docker build -t recovery-graph .
#   docker run --env-file .env -p 4000:4000 --stop-timeout 30 recovery-graph
#
# No Docker engine runs on our machines, so .ci/run performs these same steps on every run (its
# "container" section: build, production install in a clean folder, start as a non-root user,
# live and ready answer, SIGTERM exits 0). Change one, change the other.

ARG NODE_IMAGE=node:24-slim

# 1. Build with every dependency: tools/scripts/build.mjs --production compiles src/ (tsc) into
#    dist/ with the SDL. No tools/: no simulator, no fixture, no dev entry in the image.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY tools/scripts/build.mjs tools/scripts/
COPY schema schema
COPY resolvers resolvers
COPY src src
RUN npm run build -- --production

# 2. Production dependencies alone, in a clean folder (none of them needs an install script).
FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# 3. The image: the build and its production dependencies, run by the image's non-root user.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=4000 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=production-dependencies /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
USER node
EXPOSE 4000
# Slim images have no curl: a few lines of node ask GET /health/live (src/server/healthcheck.ts).
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 CMD ["node", "dist/healthcheck.js"]
# node itself is PID 1 and receives SIGTERM: not ready at once, SHUTDOWN_DELAY_MS (5 s) still
# serving, SHUTDOWN_GRACE_MS (10 s) for requests in flight, exit 0. Give it 30 s (--stop-timeout).
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=4", "--no-maglev", "--liftoff-only", "dist/main.js"]
