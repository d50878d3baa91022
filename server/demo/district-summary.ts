/** What a data folder already holds, for the line a later start prints instead of seeding again. */
import type { Database } from '../store/database.ts';

export type DistrictSummary = { cases: number; documents: number; pages: number; bytes: number };

export function districtSummary(db: Database): DistrictSummary {
  const rows = db
    .prepare(
      `SELECT kind, COUNT(*) AS n, COALESCE(SUM(json_extract(data, '$.pageCount')), 0) AS pages,
              COALESCE(SUM(json_extract(data, '$.byteSize')), 0) AS bytes
       FROM entities WHERE deleted = 0 AND kind IN ('case', 'document') GROUP BY kind`,
    )
    .all() as { kind: string; n: number; pages: number; bytes: number }[];
  const of = (kind: string) => rows.find((r) => r.kind === kind);
  const documents = of('document');
  return {
    cases: Number(of('case')?.n ?? 0),
    documents: Number(documents?.n ?? 0),
    pages: Number(documents?.pages ?? 0),
    bytes: Number(documents?.bytes ?? 0),
  };
}
