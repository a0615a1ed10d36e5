# The support agent as one image: the gateway by default, an agent worker with
#   docker run <image> node dist/apps/agent/src/main.js
# (docker-compose.yml runs both). See README "Deployment".

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: every dependency, then `npm run build` (nest build: JavaScript plus the chat page and the agent's data files)
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- production dependencies only
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data \
    HELP_CENTER_DIR=/app/knowledge/help-center
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
# Indexed at start by the gateway and the agent workers (mount your own over it, or set HELP_CENTER_DIR).
COPY --chown=root:root knowledge/help-center ./knowledge/help-center
# The code is read-only to the process; only the embedded database's folder (used when DATABASE_URL is unset) is writable.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
# /healthz: the process answers. Node's fetch, since the slim image has no curl or wget.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations run at start (under an advisory lock on a PostgreSQL server), then the help center is indexed.
CMD ["node", "dist/apps/gateway/src/main.js"]
