// The field descriptions must say what the server says: every field exists in the OpenAPI schema with the same
// choices, every field a client may set is described, and the filters are the list's query parameters.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registers } from './registers';

const openapi = JSON.parse(
  readFileSync(resolve(__dirname, '../../../src/api/openapi.json'), 'utf8'),
);
const schemas = openapi.components.schemas;

function schemaOf(plural: string): string {
  const get = openapi.paths[`/api/v1/${plural}/{id}`].get;
  return get.responses['200'].content['application/json'].schema.$ref.split('/').pop();
}

describe.each(registers.map((register) => [register.plural, register] as const))('%s', (plural, register) => {
  const name = schemaOf(plural);
  const schema = schemas[name];
  const input = schemas[`${name}Input`];

  it('describes fields the API has, with its choices', () => {
    for (const field of register.fields) {
      expect(schema.properties, `${plural}.${field.name}`).toHaveProperty(field.name);
      const choices = schema.properties[field.name].enum?.filter((value: unknown) => value !== null);
      if (field.kind === 'choice') expect(field.choices, `${plural}.${field.name}`).toEqual(choices);
    }
  });

  it('describes every field a client may set', () => {
    const described = register.fields.filter((field) => !field.readOnly).map((field) => field.name);
    for (const settable of Object.keys(input.properties)) {
      if (settable === 'position') continue;
      expect(described, `${plural}.${settable}`).toContain(settable);
    }
  });

  it('filters on the query parameters of the list', () => {
    const parameters = openapi.paths[`/api/v1/${plural}`].get.parameters
      .filter((parameter: { $ref?: string }) => !parameter.$ref)
      .map((parameter: { name: string }) => parameter.name)
      .sort();
    const filterable = register.fields.filter((field) => field.filterable).map((field) => field.name).sort();
    expect(filterable).toEqual(parameters);
  });
});
