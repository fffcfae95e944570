import { readdirSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * Issue 19 (6), the class of bug: every DTO of every context, checked for the shapes that let bad input through
 * to a 5xx. Loads each libs/<context>/src/dto file and reads class-validator's registry.
 */
/** A DTO class as class-validator's registry keys it (a constructor; only its name is read here). */
type DtoClass = { readonly name: string };
const ROOT = path.join(__dirname, '..', '..', '..', '..');
for (const lib of readdirSync(path.join(ROOT, 'libs'))) {
  const dir = path.join(ROOT, 'libs', lib, 'src', 'dto');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
  } catch {
    continue;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading every DTO file registers its validators
  for (const f of files) require(path.join(dir, f));
}

const byTarget = new Map<DtoClass, ValidationMetadata[]>();
for (const list of (
  getMetadataStorage() as unknown as { validationMetadatas: Map<DtoClass, ValidationMetadata[]> }
).validationMetadatas.values()) {
  for (const m of list) if (typeof m.target === 'function') byTarget.set(m.target, [...(byTarget.get(m.target) ?? []), m]);
}
const own = (target: DtoClass) => byTarget.get(target) ?? [];
const constraintName = (m: ValidationMetadata) => m.name ?? m.constraintCls?.name ?? m.type;

describe('DTO audit (class-validator metadata of every DTO)', () => {
  it('found the DTOs', () => {
    expect(byTarget.size).toBeGreaterThan(40);
  });

  it('no DTO property is declared again in a subclass (it would keep the parent’s validators, IsOptional included)', () => {
    const redeclared: string[] = [];
    for (const target of byTarget.keys()) {
      const mine = new Set(own(target).map((m) => m.propertyName));
      for (let parent = Object.getPrototypeOf(target); parent && parent !== Function.prototype; parent = Object.getPrototypeOf(parent)) {
        for (const m of own(parent))
          if (mine.has(m.propertyName)) redeclared.push(`${target.name}.${m.propertyName} (also in ${parent.name})`);
      }
    }
    expect([...new Set(redeclared)]).toEqual([]);
  });

  it('a nested object (ValidateNested without each) must be an object: [] or a string is refused, not walked', () => {
    const missing: string[] = [];
    for (const [target, list] of byTarget) {
      for (const m of list.filter((x) => x.type === 'nestedValidation' && !x.each)) {
        const guarded = list.some((x) => x.propertyName === m.propertyName && ['isObject', 'isArray'].includes(constraintName(x)));
        if (!guarded) missing.push(`${target.name}.${m.propertyName}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('required texts use IsNotBlank (a string of spaces is no value), never IsNotEmpty', () => {
    const notEmpty = [...byTarget].flatMap(([target, list]) =>
      list.filter((m) => constraintName(m) === 'isNotEmpty').map((m) => `${target.name}.${m.propertyName}`),
    );
    expect(notEmpty).toEqual([]);
  });
});
