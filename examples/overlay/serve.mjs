// Serves the overlay page on 127.0.0.1: this folder at `/`, and the npm
// package (bindings-wasm/pkg, or the folder in TWITCHAPI_PACKAGE) at
// `/twitchapi/`, where the page's import map looks for it.
//
//   node examples/overlay/serve.mjs [PORT]
//
// With TWITCHAPI_MOCK_URL set (scripts/with-mock sets it), it prints the URL
// that runs the overlay against that mock.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const DEFAULT_PACKAGE = resolve(HERE, "../../bindings-wasm/pkg");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

/** The file under `root` that `path` names, or null when it leaves `root`. */
function inside(root, path) {
  const file = normalize(join(root, path));
  return file === root || file.startsWith(root + sep) ? file : null;
}

/**
 * Starts the server on 127.0.0.1:`port` (0: any free port); resolves to
 * `{ url, close() }`.
 */
export function serve({ port = 0, packageDir = process.env.TWITCHAPI_PACKAGE ?? DEFAULT_PACKAGE } = {}) {
  const roots = [
    ["/twitchapi/", resolve(packageDir)],
    ["/", resolve(HERE)],
  ];
  const server = createServer(async (request, response) => {
    try {
      // a malformed escape (`%ZZ`) throws here and is a 404 like any other bad path
      const path = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
      const [prefix, root] = roots.find(([p]) => path.startsWith(p));
      const rest = path.slice(prefix.length) || "index.html";
      const file = inside(root, rest);
      if (file === null || request.method !== "GET") {
        throw Object.assign(new Error("refused"), { code: "ENOENT" });
      }
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found\n");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address();
      done({
        url: `http://127.0.0.1:${bound}/`,
        close: () => new Promise((closed) => server.close(closed)),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const { url } = await serve({ port });
  const mock = process.env.TWITCHAPI_MOCK_URL;
  const query = mock
    ? `?clientId=mock-client-id&mock=${encodeURIComponent(mock)}`
    : "?clientId=<your client id>";
  console.log(`overlay on ${url}${query}`);
}
