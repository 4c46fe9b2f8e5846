// People by id, for person fields: lists show names, forms offer a choice. Loaded once per session (all pages of
// /api/v1/people, only the members below: a third of the bytes of whole rows) and refreshed after a person is
// created or changed.
import { api, type Page } from './api';
import type { RegisterRows } from './registers';

// The members asked for with ?fields= (the API adds id and ref).
export type Person = Pick<RegisterRows['people'], 'id' | 'ref' | 'name' | 'email' | 'department' | 'active'>;

class PeopleCache {
  list = $state<Person[]>([]);
  byId = $derived(new Map(this.list.map((person) => [person.id, person])));
  private loading: Promise<void> | null = null;

  load(force = false): Promise<void> {
    if (this.loading && !force) return this.loading;
    this.loading = (async () => {
      const all: Person[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await api.get<Page<Person>>(`/api/v1/people?sort=name&fields=name,email,department,active&limit=500&offset=${offset}`);
        all.push(...page.items);
        if (all.length >= page.total || page.items.length === 0) break;
      }
      // A person added between two pages could appear twice; keep one of each.
      this.list = [...new Map(all.map((person) => [person.id, person])).values()];
    })();
    this.loading.catch(() => {
      this.loading = null;
    });
    return this.loading;
  }

  name(id: unknown): string {
    if (typeof id !== 'number') return '';
    return this.byId.get(id)?.name ?? `PER-${id}`;
  }

  clear(): void {
    this.list = [];
    this.loading = null;
  }
}

export const people = new PeopleCache();
