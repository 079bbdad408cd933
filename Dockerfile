# One image for every Node service of PolyStatus; the service is picked at run time with SERVICE_DIR (a name or
# folder of the service registry, packages/registry: subgraphs/users, gateway, rest-adapters/incidents, …), so one
# container runs one service and scaling a domain means more replicas of its container. The services run the
# compiled JavaScript of dist/ (npm run build, esbuild; see docs/decisions/0009-compiled-runtime-and-modes.md) with
# source maps; the sources stay beside it, because the services read their runtime files (SDL, Lua scripts,
# swaggers, the supergraph) from the source tree, and the source maps point there.

ARG NODE_IMAGE=node:20.20-bookworm-slim

# Only the package manifests, so the dependency layer is rebuilt when dependencies change, not when code does.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -path ./node_modules -prune -o \( -name package.json -o -name package-lock.json \) -print0 \
    | tar --null -cf - -T - | tar -xf - -C /manifests

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# The build needs the dev dependencies (esbuild, the composition library); only dist/ leaves this stage.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# All of /app, so a workspace's own node_modules (a version conflict npm nested there) comes along too.
COPY --from=deps --chown=node:node /app ./
COPY --chown=node:node . .
COPY --from=build --chown=node:node /src/dist ./dist
COPY --from=build --chown=node:node /src/gateway/supergraph.graphql ./gateway/supergraph.graphql
USER node
ARG SERVICE_DIR=gateway
ENV SERVICE_DIR=${SERVICE_DIR}
# Each service reads PORT; docker-compose.yml sets it per service. Readiness: GET /readyz (no curl in this image).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["sh", "-c", "exec node --enable-source-maps dist/host.js \"$SERVICE_DIR\""]
