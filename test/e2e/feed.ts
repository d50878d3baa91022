/**
 * What the reference service holds for a user, read through its own REST API (sign-in and the
 * whole change feed): the specs compare the app's screens with it and check what arrived.
 */
import type { Service } from './targets.ts';

export type FeedEntity = 'case' | 'person' | 'document' | 'annotation' | 'note' | 'followUp' | 'letter';
type Change = { entity: FeedEntity; op: 'put' | 'delete' | 'revoke'; id: string; data?: Record<string, unknown> };

export async function login(service: Service, username: string, password = 'demo'): Promise<string> {
  const response = await fetch(`${service.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: HTTP ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The entities the user's feed holds now, by kind (deleted ones left out). */
export async function feedOf(service: Service, username: string): Promise<Map<FeedEntity, Record<string, unknown>[]>> {
  const token = await login(service, username);
  const byId = new Map<string, { entity: FeedEntity; data: Record<string, unknown> }>();
  let cursor = '';
  for (;;) {
    const response = await fetch(`${service.url}/api/v1/changes?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as { changes: Change[]; cursor: string; hasMore: boolean };
    for (const change of page.changes) {
      const key = `${change.entity}:${change.id}`;
      if (change.op === 'put' && change.data) byId.set(key, { entity: change.entity, data: change.data });
      else if (change.op === 'delete') byId.delete(key);
      else for (const [k, v] of byId) if (v.data['caseId'] === change.id || k === key) byId.delete(k);
    }
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const out = new Map<FeedEntity, Record<string, unknown>[]>();
  for (const { entity, data } of byId.values()) out.set(entity, [...(out.get(entity) ?? []), data]);
  return out;
}
