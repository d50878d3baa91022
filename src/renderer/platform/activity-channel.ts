/**
 * "The user is busy": every window announces that the user clicks, pages, scrolls or types, so
 * that the sync worker's work nobody is waiting for at that moment (downloads, delivery,
 * preparing first views) pauses meanwhile and does not take the machine from them. Only the fact
 * travels, at most a few times a second; messages are validated, because any page of the origin
 * could post on the channel.
 */
import { z } from 'zod';

const CHANNEL_NAME = 'eakte-user-activity';
/** At most one announcement per this many milliseconds. */
const ANNOUNCE_EVERY_MS = 250;

const activitySchema = z.strictObject({ type: z.literal('user-activity') });

export type ActivityChannel = {
  /** The user did something just now (throttled). */
  announce(): void;
  onActivity(listener: () => void): () => void;
  close(): void;
};

export function openActivityChannel(now: () => number = () => performance.now()): ActivityChannel {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  const listeners = new Set<() => void>();
  let last = Number.NEGATIVE_INFINITY;
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (activitySchema.safeParse(event.data).success) for (const listener of listeners) listener();
  };
  return {
    announce() {
      const at = now();
      if (at - last < ANNOUNCE_EVERY_MS) return;
      last = at;
      channel.postMessage({ type: 'user-activity' } satisfies z.infer<typeof activitySchema>);
    },
    onActivity(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => channel.close(),
  };
}

/** What counts as the user being busy in a window: paging, scrolling, pointing, typing. */
const BUSY_EVENTS = ['keydown', 'wheel', 'pointerdown', 'scroll'] as const;

/** Announces the user's activity in this window until the returned function is called. */
export function announceUserActivity(target: Document = document): () => void {
  const channel = openActivityChannel();
  const announce = (): void => channel.announce();
  for (const type of BUSY_EVENTS) target.addEventListener(type, announce, { capture: true, passive: true });
  return () => {
    for (const type of BUSY_EVENTS) target.removeEventListener(type, announce, { capture: true });
    channel.close();
  };
}
