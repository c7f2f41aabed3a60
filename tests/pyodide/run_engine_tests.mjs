// Runs the engine tests (tests/engine) inside Pyodide under Node, offline.
//
//   node tests/pyodide/run_engine_tests.mjs [extra pytest args]
//
// The engine package, its tests, docs/, site_src/ and README.md come from this checkout; pytest and its
// pure-Python dependencies come from the wheels in .cache/pyodide-wheels/ (`./dev test`
// downloads them, see requirements/pyodide-test.txt). Exits with pytest's status.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const wheelDir = join(root, ".cache", "pyodide-wheels");

if (!existsSync(wheelDir) || !readdirSync(wheelDir).some((f) => f.startsWith("pytest-"))) {
  console.error(
    `no pytest wheels in ${wheelDir}; run ./dev test, or:\n` +
      "  .venv/bin/python -m pip download --no-deps --only-binary=:all: " +
      "-d .cache/pyodide-wheels -r requirements/pyodide-test.txt",
  );
  process.exit(3);
}

const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") + "/" });
const passThrough = (stream) => ({
  write: (bytes) => {
    stream.write(bytes);
    return bytes.length;
  },
});
pyodide.setStdout(passThrough(process.stdout));
pyodide.setStderr(passThrough(process.stderr));

const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const name of readdirSync(wheelDir).filter((f) => f.endsWith(".whl"))) {
  const wheel = new Uint8Array(readFileSync(join(wheelDir, name)));
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

// The docs and pages too: some engine tests compare what they say with the code.
for (const folder of ["calculator", "tests/engine", "docs", "site_src"]) {
  pyodide.FS.mkdirTree(`/project/${folder}`);
  pyodide.mountNodeFS(`/project/${folder}`, join(root, ...folder.split("/")));
}
pyodide.FS.writeFile("/project/README.md", readFileSync(join(root, "README.md")));

pyodide.globals.set("extra_args", pyodide.toPy(process.argv.slice(2)));
const status = await pyodide.runPythonAsync(`
import os, sys
sys.path.insert(0, "/project")
os.chdir("/project")
import pytest
args = ["-q", "-p", "no:cacheprovider", "-p", "no:randomly", "--rootdir", "/project",
        "tests/engine", *extra_args]
int(pytest.main(args))
`);
process.exit(status);
