# The reference API, as one image: `docker build -t barometre-api .`
# See "Deploying" in src/server/README.md for compose, systemd and the manual check.

# Build: every dependency, then the script-tag build (dist/cdn) and the referential artefacts.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# The server's packages are devDependencies (the widgets' own dependencies stay few): keep them,
# and drop the tooling only the build, the browser tests and the linters use.
RUN rm -rf node_modules/playwright-core node_modules/@web node_modules/vite node_modules/rolldown node_modules/@rolldown \
      node_modules/eslint node_modules/@eslint node_modules/eslint-plugin-lit node_modules/eslint-plugin-lit-a11y \
      node_modules/typescript-eslint node_modules/@typescript-eslint node_modules/typescript \
      node_modules/survey-core node_modules/survey-js-ui node_modules/@custom-elements-manifest node_modules/@open-wc \
      node_modules/axe-core node_modules/autocannon node_modules/fast-check node_modules/oidc-provider node_modules/@types

# Run: what the server reads, owned by root and read-only to the server's user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0 BAROMETRE_DB=/var/lib/barometre/barometre.db BAROMETRE_SEED=none
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/src ./src
COPY --from=build /app/dist/cdn ./dist/cdn
COPY --from=build /app/generated ./generated
# The SQLite file's folder (unused on PostgreSQL): the only place the server writes, a volume.
RUN mkdir -p /var/lib/barometre && chown node:node /var/lib/barometre
VOLUME /var/lib/barometre
USER node
EXPOSE 8080
# Readiness, not liveness: a full disk or a lost database marks the container unhealthy.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:8080/api/v1/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# SIGTERM reaches node itself (no shell in between): in-flight requests finish, then it exits.
CMD ["node", "--import", "tsx", "src/server/main.ts"]
