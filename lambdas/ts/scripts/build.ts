// Bundles the handler for nodejs22.x, as one CommonJS file per tracing mode:
//   dist/index.js       TRACING=xray (the default): every dependency inside, the AWS SDK too, so the
//                        Lambda does not depend on the runtime's SDK version;
//   dist-otel/index.js  TRACING=otel under the ADOT layer: the AWS SDK and the OpenTelemetry API stay
//                        outside the bundle (the runtime provides @aws-sdk/*, the layer @opentelemetry/api),
//                        because the layer's instrumentation patches modules as they are require()d, and a
//                        bundled SDK is never required; and the handler is a plain module.exports property,
//                        which the layer can wrap (esbuild's exports are getters it cannot replace).
// npm run build [-- <outfile> [<otel outfile>]]
import { resolve } from "node:path";
import { build } from "esbuild";

export type BundleMode = "xray" | "otel";

export async function bundle(outfile: string, mode: BundleMode = "xray"): Promise<void> {
  await build({
    entryPoints: [resolve(__dirname, "../src/index.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    logLevel: "warning",
    ...(mode === "otel"
      ? {
          external: ["@aws-sdk/*", "@opentelemetry/api"],
          footer: { js: "module.exports = { ...module.exports };" },
        }
      : {}),
  });
}

if (require.main === module) {
  const outfile = resolve(process.argv[2] ?? "dist/index.js");
  const otelOutfile = resolve(process.argv[3] ?? "dist-otel/index.js");
  Promise.all([bundle(outfile), bundle(otelOutfile, "otel")]).then(
    () => console.log(`bundled ${outfile} and ${otelOutfile}`),
    (error) => {
      console.error(`build: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
