// Field sensitivity applied on the way out: drops every property whose label is above the ceiling.
import { SENSITIVITY_LEVELS, sensitivityRank, type Sensitivity } from './access';
import { SENSITIVITY_KEYWORD } from './schemas/common';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface SchemaNode {
  [SENSITIVITY_KEYWORD]?: Sensitivity;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function labelOf(schema: SchemaNode): Sensitivity | undefined {
  const label = schema[SENSITIVITY_KEYWORD];
  return label && (SENSITIVITY_LEVELS as readonly string[]).includes(label) ? label : undefined;
}

/** Tells whether a schema (or any of its branches) carries a sensitivity label anywhere inside. */
export function hasSensitiveFields(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  if (SENSITIVITY_KEYWORD in schema) return true;
  return Object.values(schema).some((child) =>
    Array.isArray(child) ? child.some(hasSensitiveFields) : hasSensitiveFields(child),
  );
}

/**
 * Returns a copy of `value` without the properties the schema labels above `ceiling`.
 * Unlabelled properties are kept: route permissions decide who reaches them.
 */
export function redact<T>(schema: unknown, value: T, ceiling: Sensitivity): T {
  return redactNode(schema as SchemaNode, value as Json, sensitivityRank(ceiling)) as T;
}

function redactNode(schema: SchemaNode | undefined, value: Json, ceiling: number): Json {
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return schema.items ? value.map((item) => redactNode(schema.items, item, ceiling)) : value;
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    // An object value matches the object branch; redact with every object branch's properties.
    return branches.reduce<Json>((acc, branch) => (branch.properties ? redactNode(branch, acc, ceiling) : acc), value);
  }
  if (schema.allOf) return schema.allOf.reduce<Json>((acc, part) => redactNode(part, acc, ceiling), value);
  if (!schema.properties && typeof schema.additionalProperties !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema =
      schema.properties?.[key] ??
      (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    const label = childSchema ? labelOf(childSchema) : undefined;
    if (label && sensitivityRank(label) > ceiling) continue;
    out[key] = redactNode(childSchema, child, ceiling);
  }
  return out;
}
