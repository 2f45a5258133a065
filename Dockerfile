# syntax=docker/dockerfile:1
# The production image: docker build -t add-customer-bot . (README, "Deploy"). Node 20 as in engines.
# test/e2e/production-install.spec.ts replays the final stage (its COPY, RUN, ENV, CMD and HEALTHCHECK
# lines) in a temporary folder on every `npm test`: change them here and that test follows.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY cards ./cards
COPY store ./store
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
# The data folder for a volume (docker run -e DATA_DIR=/data -v add-customer-bot-data:/data ...),
# writable by the user the bot runs as; DATA_DIR itself must be set when the container is run.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3978}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/bot/index.js"]
