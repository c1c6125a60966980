import type { RequestContext, Route } from '../router.ts';
import type { Store } from '../store/store.ts';
import { paginate } from '../validation.ts';

type Owned = { id: string; org_id: string };

/** Which of the store's collections a read-only route serves. */
type Rows<T> = (store: Store) => Map<string, T>;

/** `GET /things`: the organization's rows in the list envelope. */
export function listOwned<T extends Owned>(
  template: string,
  rows: Rows<T>,
  present: (row: T) => unknown,
): Route {
  return {
    method: 'GET',
    template,
    handler: ({ store, org, query }: RequestContext) => ({
      status: 200,
      body: paginate(query, store.ownedList(rows(store), org), present),
    }),
  };
}

/** `GET /things/{id}`: one of the organization's rows, else `404` naming `what`. */
export function getOwned<T extends Owned>(
  template: string,
  param: string,
  what: string,
  rows: Rows<T>,
  present: (row: T) => unknown,
): Route {
  return {
    method: 'GET',
    template,
    handler: ({ store, org, params }: RequestContext) => ({
      status: 200,
      body: present(store.owned(rows(store), params[param] ?? '', org, what)),
    }),
  };
}
