// Bundles the handler and all its dependencies (the AWS SDK too, so the Lambda does not depend on the
// runtime's SDK version) into one CommonJS file for nodejs22.x: npm run build [-- <outfile>]
import { resolve } from "node:path";
import { build } from "esbuild";

export async function bundle(outfile: string): Promise<void> {
  await build({
    entryPoints: [resolve(__dirname, "../src/index.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    logLevel: "warning",
  });
}

if (require.main === module) {
  const outfile = resolve(process.argv[2] ?? "dist/index.js");
  bundle(outfile).then(
    () => console.log(`bundled ${outfile}`),
    (error) => {
      console.error(`build: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
