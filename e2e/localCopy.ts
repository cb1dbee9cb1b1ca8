/**
 * How many updates this device's copy of a board holds in IndexedDB (y-indexeddb's `updates`
 * store of the database `name`, `journeyboard:<boardId>`); 0 when there is no copy. Runs in the
 * page: `page.evaluate(localCopyUpdates, name)`, or waitForFunction until a copy is kept.
 */
export function localCopyUpdates(name: string): Promise<number> {
  return (async () => {
    // Opening a database that does not exist would create it, empty, under y-indexeddb.
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return 0;
    return new Promise<number>((resolve) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('updates')) {
          db.close();
          return resolve(0);
        }
        const count = db.transaction('updates').objectStore('updates').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
      };
      open.onerror = () => resolve(0);
    });
  })();
}
