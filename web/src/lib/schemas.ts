// The API's answers as the OpenAPI document describes them: src/generated/api.d.ts, which scripts/generate.mjs makes
// with openapi-typescript from the document the server is built with. A change of the document shows up as a type
// error in `npm run check` wherever the UI reads what changed.
import type { components, paths } from '../generated/api';

export type Schemas = components['schemas'];

// A value as the server sends it: every member present, all the way down. The register rows' schemas list their
// members as required; the schemas written by hand (src/api/openapi_base.json) list none, yet the server sends every
// member they describe (null when it has no value). A member sent only sometimes (a KPI status's history, which
// comes with ?history=N) is left to its reader to mark.
export type Sent<T> = T extends readonly (infer Item)[]
  ? Sent<Item>[]
  : T extends object
    ? { [Key in keyof T]-?: Sent<T[Key]> }
    : T;

// A schema of components.schemas as sent: Answer<'Account'>.
export type Answer<Name extends keyof Schemas> = Sent<Schemas[Name]>;

// The JSON body of a path's successful answer, as sent: PathAnswer<'/api/v1/actions/owners'>.
export type PathAnswer<
  Path extends keyof paths,
  Method extends 'get' | 'post' | 'patch' | 'put' = 'get',
> = paths[Path][Method] extends { responses: infer Responses }
  ? Sent<JsonOf<Responses[200 & keyof Responses]> | JsonOf<Responses[201 & keyof Responses]>>
  : never;

type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
