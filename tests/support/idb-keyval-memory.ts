// An in-memory idb-keyval for unit tests: `vi.mock('idb-keyval', () => import('…/idb-keyval-memory'))`.
const stores = new Map<string, Map<IDBValidKey, unknown>>();

export function createStore(db: string, name: string): string {
  const key = `${db}/${name}`;
  if (!stores.has(key)) stores.set(key, new Map());
  return key;
}
const of = (store: unknown) => stores.get(String(store)) ?? stores.set(String(store), new Map()).get(String(store))!;
export const get = async (key: IDBValidKey, store: unknown) => structuredClone(of(store).get(key));
export const set = async (key: IDBValidKey, value: unknown, store: unknown) => void of(store).set(key, structuredClone(value));
export const del = async (key: IDBValidKey, store: unknown) => void of(store).delete(key);
export const clear = async (store: unknown) => of(store).clear();
export const values = async (store: unknown) => [...of(store).values()].map((v) => structuredClone(v));
export const keys = async (store: unknown) => [...of(store).keys()];
export const entries = async (store: unknown) => [...of(store).entries()].map(([k, v]) => [k, structuredClone(v)]);
export const setMany = async (items: [IDBValidKey, unknown][], store: unknown) => items.forEach(([k, v]) => of(store).set(k, structuredClone(v)));
export const getMany = async (ks: IDBValidKey[], store: unknown) => ks.map((k) => structuredClone(of(store).get(k)));
export const delMany = async (ks: IDBValidKey[], store: unknown) => ks.forEach((k) => of(store).delete(k));
export function resetMemoryIdb(): void {
  stores.clear();
}
