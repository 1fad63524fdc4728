// Parses every .ps1 file in the folder given as the first argument and prints one line per file with a
// syntax error (the file name, then the first error's position). Exit code 1 when any file has one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';

const parser = new Parser();
parser.setLanguage(PowerShell);

function firstError(node) {
  if (node.type === 'ERROR' || node.isMissing) {
    return node;
  }
  for (const child of node.children) {
    if (child.hasError || child.isMissing) {
      const found = firstError(child);
      if (found) {
        return found;
      }
    }
  }
  return node;
}

const folder = process.argv[2];
let broken = 0;
let parsed = 0;
for (const file of readdirSync(folder).filter((name) => name.endsWith('.ps1')).sort()) {
  const text = readFileSync(join(folder, file), 'utf8');
  // Large scripts need a bigger buffer than the default callback size.
  const tree = parser.parse(text, null, { bufferSize: Math.max(32 * 1024, text.length * 4) });
  parsed++;
  if (tree.rootNode.hasError) {
    const at = firstError(tree.rootNode).startPosition;
    console.log(`${file}: syntax error at line ${at.row + 1}, column ${at.column + 1}`);
    broken++;
  }
}
console.log(`parsed ${parsed}, broken ${broken}`);
process.exit(broken === 0 ? 0 : 1);
