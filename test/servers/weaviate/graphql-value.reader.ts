import { Kind, type ValueNode } from 'graphql';

/** A GraphQL literal as plain JSON: enums become their names (`operator:Equal` → `"Equal"`). */
export function readGraphqlValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
      return Number.parseInt(node.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(node.value);
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(readGraphqlValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, readGraphqlValue(field.value)]));
    case Kind.VARIABLE:
      throw new Error(`variables are not supported by this fake: $${node.name.value}`);
  }
}
