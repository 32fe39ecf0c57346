import { type DatabaseTransactionConnection, sql } from 'slonik';

/** Until the transaction ends: the record rebuild sorts every candidate of the touched exercises. */
export async function raiseImportWorkMem(tx: DatabaseTransactionConnection): Promise<void> {
  await tx.query(sql.unsafe`SET LOCAL work_mem = '64MB'`);
}
