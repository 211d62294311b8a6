import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = import.meta.dirname;

/** Writes .gz and .br beside each built asset, so the server sends them compressed without work. */
function precompress(): Plugin {
  return {
    name: "chiso-precompress",
    apply: "build",
    closeBundle() {
      const dir = join(root, "dist/assets");
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const bytes = readFileSync(join(dir, name));
        writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
        writeFileSync(join(dir, `${name}.br`), brotliCompressSync(bytes));
      }
    },
  };
}

// The web application (React, ECharts), built into web/dist and served by the chiso server.
// `npm run dev:web` proxies /api to a server on port 3000.
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  // The manifest lets the bench weigh exactly the files the IOC page loads.
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 600, manifest: true },
  server: { proxy: { "/api": "http://127.0.0.1:3000" }, fs: { allow: [join(root, "..")] } },
});
