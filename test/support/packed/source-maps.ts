import { access, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

interface SourceMap {
  sourceRoot?: string;
  sources: string[];
  sourcesContent?: (string | null)[];
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Every way a tool reading the installed package could be sent to a file that is not there:
 * a `sourceMappingURL` naming a missing map, or a map source that is neither embedded
 * (`sourcesContent`) nor shipped. Vite prints "Sourcemap ... points to missing source files" for
 * the second kind on every build and dev start of a user's site.
 */
export async function brokenSourceMapLinks(packageRoot: string): Promise<string[]> {
  const broken: string[] = [];
  const files = await readdir(packageRoot, { recursive: true, withFileTypes: true });
  for (const file of files) {
    if (!file.isFile()) continue;
    const path = join(file.parentPath, file.name);
    const shown = relative(packageRoot, path);
    if (/\.(m|c)?js$|\.d\.ts$/.test(file.name)) {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(await readFile(path, 'utf8'))?.[1];
      if (url && !url.startsWith('data:') && !(await exists(resolve(dirname(path), url)))) {
        broken.push(`${shown}: sourceMappingURL ${url} is missing`);
      }
    }
    if (!file.name.endsWith('.map')) continue;
    const map = JSON.parse(await readFile(path, 'utf8')) as SourceMap;
    for (const [index, source] of map.sources.entries()) {
      if (typeof map.sourcesContent?.[index] === 'string') continue;
      const target = resolve(dirname(path), map.sourceRoot ?? '', source);
      if (!(await exists(target))) broken.push(`${shown}: source ${source} is not shipped`);
    }
  }
  return broken;
}
