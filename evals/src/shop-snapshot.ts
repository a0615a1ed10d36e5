import { Database } from '@support/platform';

/**
 * Puts the demo shop back as it was before a scenario changed it (a cancelled order, a new address), so
 * every scenario starts from the same orders. Works row by row on the `shop_*` tables, whatever columns
 * they have, and leaves other tables (conversations, turn records) alone.
 */
export class ShopSnapshot {
  private constructor(
    private readonly db: Database,
    private readonly tables: Array<{ name: string; columns: string[] }>,
  ) {}

  static async take(db: Database): Promise<ShopSnapshot> {
    const { rows } = await db.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
        WHERE c.table_schema = current_schema() AND c.table_name LIKE 'shop\\_%' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`,
    );
    const columnsByTable = new Map<string, string[]>();
    for (const row of rows) columnsByTable.set(row.table_name, [...(columnsByTable.get(row.table_name) ?? []), row.column_name]);
    // Orders point at users and products: keep them after their parents.
    const tables = [...columnsByTable]
      .filter(([, columns]) => columns.includes('id'))
      .map(([name, columns]) => ({ name, columns }))
      .sort((a, b) => Number(a.name.includes('order')) - Number(b.name.includes('order')));
    for (const { name } of tables) {
      await db.query(`DROP TABLE IF EXISTS "eval_snapshot_${name}"`);
      await db.query(`CREATE TABLE "eval_snapshot_${name}" AS SELECT * FROM "${name}"`);
    }
    return new ShopSnapshot(db, tables);
  }

  /** Children first when deleting, parents first when inserting back. */
  async restore(): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const { name, columns } of [...this.tables].reverse()) {
        await tx.query(`DELETE FROM "${name}" WHERE id NOT IN (SELECT id FROM "eval_snapshot_${name}")`);
        const others = columns.filter((column) => column !== 'id');
        if (others.length) {
          const assignments = others.map((column) => `"${column}" = s."${column}"`).join(', ');
          await tx.query(`UPDATE "${name}" t SET ${assignments} FROM "eval_snapshot_${name}" s WHERE t.id = s.id`);
        }
      }
      for (const { name, columns } of this.tables) {
        const list = columns.map((column) => `"${column}"`).join(', ');
        await tx.query(`INSERT INTO "${name}" (${list}) SELECT ${list} FROM "eval_snapshot_${name}" s WHERE s.id NOT IN (SELECT id FROM "${name}")`);
      }
    });
  }
}
