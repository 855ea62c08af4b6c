import path from "node:path";
import ts from "typescript";

/**
 * The field names audit entries can carry, read from the code by the TypeScript checker: for every `recordAudit`
 * call, the properties of the types of its `before` and `after` (nested records too, as the history shows them).
 * Calls whose values have no known fields (a `Record<string, unknown>`) are listed apart, so a test can refuse them.
 */
export interface AuditedFields {
  fields: Map<string, string[]>;
  unknownShapes: string[];
}

const ROOTS = ["lib/domain", "device-broker"];

function sourceFiles(root: string): string[] {
  const out: string[] = [];
  for (const dir of ROOTS) {
    const walk = (d: string) => {
      for (const entry of ts.sys.readDirectory(d, [".ts", ".tsx"], ["**/node_modules/**"], ["**/*"])) {
        if (/\.test\.tsx?$/.test(entry) || /\/testing\//.test(entry)) continue;
        if (ts.sys.readFile(entry)?.includes("recordAudit(")) out.push(entry);
      }
    };
    walk(path.join(root, dir));
  }
  return out;
}

export function auditedFields(root: string): AuditedFields {
  const configPath = path.join(root, "tsconfig.json");
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
  const program = ts.createProgram(sourceFiles(root), { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const fields = new Map<string, string[]>();
  const unknownShapes: string[] = [];

  const collect = (type: ts.Type, where: string, depth: number, seen: Set<ts.Type>) => {
    if (depth > 3 || seen.has(type)) return;
    seen.add(type);
    if (type.isUnion() || type.isIntersection()) {
      for (const t of type.types) collect(t, where, depth, seen);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object)) return;
    const name = checker.typeToString(type);
    if (name === "Date") return;
    if (checker.isArrayType(type)) {
      for (const t of checker.getTypeArguments(type as ts.TypeReference)) collect(t, where, depth, seen);
      return;
    }
    const props = checker.getPropertiesOfType(type);
    if (props.length === 0 && checker.getIndexInfosOfType(type).length > 0) {
      unknownShapes.push(`${where}: ${name}`);
      return;
    }
    for (const p of props) {
      const list = fields.get(p.name) ?? [];
      if (!list.includes(where)) list.push(where);
      fields.set(p.name, list);
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      if (decl) collect(checker.getTypeOfSymbolAtLocation(p, decl), where, depth + 1, seen);
    }
  };

  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !file.fileName.startsWith(root) || file.fileName.includes("node_modules")) continue;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "recordAudit") {
        const arg = node.arguments[1];
        const where = `${path.relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (arg) {
          const argType = checker.getTypeAtLocation(arg);
          for (const key of ["before", "after"]) {
            const prop = checker.getPropertyOfType(argType, key);
            if (!prop) continue;
            const t = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, arg));
            collect(t, where, 0, new Set());
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { fields, unknownShapes };
}
