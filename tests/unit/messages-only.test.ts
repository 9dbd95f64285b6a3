import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { relative, root, source, sourceFiles } from "./source-graph";

/**
 * Interface text lives in lib/messages only (docs/architecture.md#conventions), so that a second language
 * is one more set of modules. Chinese in comments is fine; in a string, a template or JSX text it is not.
 * The demo county's seed data (names of places and people) is data, not interface text.
 */
const chinese = /[\u3400-\u9fff]/;
const exempt = (name: string) => name.startsWith("lib/messages") || /^db\/seed[\w-]*\.ts$/.test(name);

function literalsWithChinese(file: string): string[] {
  const tree = ts.createSourceFile(file, source(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node);
    const text = literal ? node.text : null;
    if (text && chinese.test(text)) {
      const { line } = tree.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(file)}:${line + 1} ${text.trim().slice(0, 40)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe("interface text", () => {
  const files = ["app", "components", "lib", "db"]
    .flatMap(sourceFiles)
    .concat(["auth.ts", "proxy.ts", "env.ts", "instrumentation.ts"].map((name) => path.join(root, name)))
    .filter((file) => !exempt(relative(file)));

  // A message is read by its full name (`community.report`), never through a short alias (`const m = community`),
  // so that a search for a key finds every use of it.
  it("is referred to by its full name", () => {
    const aliases = files.flatMap((file) => {
      const text = source(file);
      const imported = [...text.matchAll(/import \{([^}]*)\} from "@\/lib\/messages[^"]*"/g)].flatMap((m) =>
        m[1].split(",").map(
          (name) =>
            name
              .trim()
              .split(/\s+as\s+/)
              .pop()!,
        ),
      );
      return imported.flatMap((name) =>
        [...text.matchAll(new RegExp(`^\\s*const (\\w+) = ${name}(\\.\\w+)*;`, "gm"))].map(
          (m) => `${relative(file)}: const ${m[1]} = ${name}`,
        ),
      );
    });
    expect(aliases).toEqual([]);
  });

  it("is only in lib/messages", () => {
    expect(files.length).toBeGreaterThan(150);
    expect(files.flatMap(literalsWithChinese)).toEqual([]);
  }, 30_000);
});
