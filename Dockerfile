# dist/ is a self-contained bundle: no npm install, no node_modules in the image.
# Node 24 is the current LTS; change-gate supports Node 20, 22 and 24 (package.json engines, CI matrix).
FROM node:24-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY package.json ./
COPY dist/ ./dist/
USER node
EXPOSE 3000
CMD ["node", "dist/app.js"]
