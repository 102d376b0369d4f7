import react from "@vitejs/plugin-react";
import path from "node:path";
import { defineConfig, esmExternalRequirePlugin } from "vite";

// The bundle is written straight into the admin theme's resources folder inside the JAR's classes directory.
// Maven passes THEME_OUT_DIR (target/classes/theme/access-keys/admin/resources); a plain `npm run build` in this
// folder writes to the same place relative to the repository.
const outDir =
  process.env.THEME_OUT_DIR ??
  path.resolve(import.meta.dirname, "../../target/classes/theme/access-keys/admin/resources");

export default defineConfig({
  // Asset URLs relative to the theme's resource URL, which Keycloak versions per release.
  base: "",
  plugins: [
    // React comes from Keycloak's vendor copies through the import map in keycloak.v2's admin index.ftl.
    esmExternalRequirePlugin({ external: ["react", "react/jsx-runtime", "react-dom"] }),
    react(),
  ],
  resolve: {
    // One copy of what both consoles share; its imports resolve from the workspace's node_modules (themes/).
    alias: { "@shared": path.resolve(import.meta.dirname, "../shared/src") },
    dedupe: ["react", "react-dom", "@patternfly/react-core", "react-i18next", "i18next"],
  },
  build: {
    outDir,
    emptyOutDir: true,
    // Keycloak's admin console reads .vite/manifest.json to find the entry script and styles.
    manifest: true,
    sourcemap: false,
    reportCompressedSize: false,
    target: "es2022",
    chunkSizeWarningLimit: 8192,
    rolldownOptions: {
      input: path.resolve(import.meta.dirname, "src/main.tsx"),
      // One entry file: the admin-ui library lazily imports its own chunks, which must end up inside it.
      output: { codeSplitting: false },
    },
  },
});
