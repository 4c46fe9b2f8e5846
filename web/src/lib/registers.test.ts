// The registers the UI offers are the API document's: every register it describes, each field with its label, kind
// and flags, the filters of its list, and every verb offered exactly when its from-states say. The document is the
// one the generated code was made from (scripts/generate.mjs copies it next to that code).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerShapes } from '../generated/registers';
import { fieldOf, registerDef, registerMenu, registerOf, registers, rowPath, targetOf, type Row } from './registers';

const openapi = JSON.parse(readFileSync(resolve(__dirname, '../generated/openapi.json'), 'utf8'));
const schemas: Record<string, { properties: Record<string, Record<string, unknown>>; 'x-register'?: Record<string, unknown> }> =
  openapi.components.schemas;
const described = Object.entries(schemas).filter(([, schema]) => schema['x-register']);

interface DocumentVerb {
  name: string;
  inputs: string[];
  state?: string;
  from?: string[];
  to?: string[];
  log?: string;
}

function rowOf(fields: Record<string, unknown>): Row {
  return { id: 1, ref: 'X-1', version: 1, created_at: '', created_by: '', updated_at: '', updated_by: '', ...fields };
}

it('has every register of the document, and only those', () => {
  expect(registers.map((register) => register.plural).sort()).toEqual(
    described.map(([, schema]) => schema['x-register']!.plural as string).sort(),
  );
  expect(registers.length).toBeGreaterThanOrEqual(12);
});

it('lists in the navigation only registers it has, each once', () => {
  expect(new Set(registerMenu).size).toBe(registerMenu.length);
  for (const plural of registerMenu) expect(registerOf(plural), plural).toBeDefined();
});

describe.each(described.map(([name, schema]) => [schema['x-register']!.plural as string, name, schema] as const))(
  '%s',
  (plural, schemaName, schema) => {
    const register = registerOf(plural)!;
    const extension = schema['x-register']!;

    it('has the register facts of the document', () => {
      expect(register.prefix).toBe(extension.prefix);
      expect(register.name).toBe(extension.name);
      expect(register.open).toBe(extension.open);
      expect(register.overdue).toBe(extension.overdue);
      expect(register.canCreate).toBe(extension.can_create);
      expect(register.writePermission).toBe(extension.write_permission);
      expect(register.singular.toLowerCase()).toBe(String(extension.title).toLowerCase());
    });

    it('has every field of the row schema, in its order, as the document describes it', () => {
      const properties = Object.entries(schema.properties).filter(([, property]) => property['x-kind']);
      expect(register.fields.map((field) => field.name)).toEqual(properties.map(([name]) => name));
      for (const [name, property] of properties) {
        const field = fieldOf(register, name)!;
        expect(field.label, `${plural}.${name}`).toBe(property.title);
        expect(field.kind, `${plural}.${name}`).toBe(property['x-kind']);
        expect(field.help ?? '', `${plural}.${name}`).toBe(property.description ?? '');
        expect(field.required, `${plural}.${name}`).toBe(property['x-required'] === true);
        expect(field.readOnly, `${plural}.${name}`).toBe(property.readOnly === true);
        expect(field.listed, `${plural}.${name}`).toBe(property['x-listed'] === true);
        expect(field.filterable, `${plural}.${name}`).toBe(property['x-filterable'] === true);
        expect(field.target, `${plural}.${name}`).toBe(property['x-target']);
        if (field.kind === 'choice')
          expect(field.choices, `${plural}.${name}`).toEqual((property.enum as unknown[]).filter((value) => value !== null));
      }
    });

    it('describes every field a client may set', () => {
      const settable = Object.keys(schemas[`${schemaName}Input`].properties).filter((name) => name !== 'position');
      const editable = register.fields.filter((field) => !field.readOnly).map((field) => field.name);
      expect(editable.sort()).toEqual(settable.sort());
    });

    it('filters on the query parameters of the list', () => {
      const parameters = openapi.paths[`/api/v1/${plural}`].get.parameters
        .filter((parameter: { $ref?: string }) => !parameter.$ref)
        .map((parameter: { name: string }) => parameter.name)
        .sort();
      expect(register.fields.filter((field) => field.filterable).map((field) => field.name).sort()).toEqual(parameters);
    });

    it('names rows, sorts and identifies them by fields the rows have', () => {
      expect(Object.keys(schema.properties)).toContain(register.nameField);
      expect(Object.keys(schema.properties)).toContain(register.defaultSort!.replace(/^-/, ''));
      if (register.idField) expect(Object.keys(schema.properties)).toContain(register.idField);
    });

    const verbs = (extension.verbs as DocumentVerb[]).filter((verb) => !verb.log);
    if (verbs.length === 0) {
      it('offers no verb', () => expect(register.verbs).toEqual([]));
      return;
    }

    it.each(verbs.map((verb) => [verb.name, verb] as const))('offers %s with its inputs, which are fields', (name, verb) => {
      const offered = register.verbs.find((one) => one.verb === name)!;
      expect(offered).toBeDefined();
      expect(offered.fields).toEqual(verb.inputs);
      expect(offered.state).toBe(verb.state);
      expect(offered.to).toEqual(verb.to);
      // The verb form shows the inputs as the fields they are.
      for (const input of verb.inputs) expect(fieldOf(register, input), `${plural} ${name} ${input}`).toBeDefined();
    });

    it.each(verbs.map((verb) => [verb.name, verb] as const))('offers %s exactly in its from-states', (name, verb) => {
      const offered = register.verbs.find((one) => one.verb === name)!;
      const states = fieldOf(register, verb.state!)!.choices!;
      expect(verb.from!.length).toBeGreaterThan(0);
      for (const state of states)
        expect(offered.when(rowOf({ [verb.state!]: state })), `${plural} ${name} from ${state}`).toBe(verb.from!.includes(state));
    });
  },
);

describe('verbs', () => {
  const risk = registerShapes.find((shape) => shape.plural === 'risks')!;
  const close = risk.verbs.find((verb) => verb.name === 'close')!;

  it('applies in any state when the document names no from-state', () => {
    const anyState = registerDef({ ...risk, verbs: [{ ...close, from: [] }] });
    expect(anyState.verbs[0].when(rowOf({ status: 'closed' }))).toBe(true);
    expect(anyState.verbs[0].when(rowOf({ status: 'open' }))).toBe(true);
  });

  it('leaves out verbs that add to a log: their screens are the completion and measurement logs', () => {
    expect(registerOf('activities')!.verbs).toEqual([]);
    expect(registerOf('kpis')!.verbs).toEqual([]);
    const logged = registerDef({ ...risk, verbs: [{ name: 'review', help: '', inputs: ['note'], log: 'reviews' }, close] });
    expect(logged.verbs.map((verb) => verb.verb)).toEqual(['close']);
  });

  it('labels a verb with the singular, unless the UI names it otherwise', () => {
    expect(registerOf('incidents')!.verbs.map((verb) => verb.label)).toEqual(['Close incident']);
    expect(registerOf('actions')!.verbs.map((verb) => verb.label)).toEqual(['Mark done', 'Cancel']);
  });
});

describe('references', () => {
  const origin = fieldOf(registerOf('actions')!, 'origin_id')!;

  it('finds the register of a reference, or the one another field of the row names', () => {
    expect(targetOf(fieldOf(registerOf('nonconformities')!, 'incident')!)?.plural).toBe('incidents');
    expect(origin.kind).toBe('reference');
    expect(targetOf(origin, { origin_type: 'risk' })?.plural).toBe('risks');
    expect(targetOf(origin, { origin_type: 'nonconformity' })?.prefix).toBe('NC');
    expect(targetOf(origin, { origin_type: 'other' })).toBeUndefined();
  });
});

describe('rowPath', () => {
  it('names controls by their Annex A id and other rows by number', () => {
    expect(rowPath(registerOf('controls')!, rowOf({ id: '8.8', code: '8.8' }))).toBe('/controls/8.8');
    expect(rowPath(registerOf('risks')!, rowOf({ id: 12 }))).toBe('/risks/12');
    expect(rowPath(registerOf('meetings')!, rowOf({ id: 3 }))).toBe('/meetings/3');
  });
});
