/**
 * Gives a window its session: the workspace owns sign-in (`owner`), the viewer follows the
 * workspace's session (`follower`). Provides the controller and the unlocked session to the tree.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Policy } from '../../shared/policy/policy.ts';
import { useDesktopApi } from '../platform/desktop-context.tsx';
import { createSessionController, type SessionController, type SessionState } from './session-controller.ts';
import { SessionProvider } from './session-context.tsx';

const ControllerContext = createContext<{ controller: SessionController; state: SessionState } | null>(null);

export function SessionRoot({ role, children }: { role: 'owner' | 'follower'; children: ReactNode }) {
  const api = useDesktopApi();
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => {
    void api.app.getPolicy().then(setPolicy);
  }, [api]);
  if (!policy) return null;
  return (
    <PolicySession role={role} policy={policy}>
      {children}
    </PolicySession>
  );
}

function PolicySession({
  role,
  policy,
  children,
}: {
  role: 'owner' | 'follower';
  policy: Policy;
  children: ReactNode;
}) {
  const desktop = useDesktopApi();
  const [value, setValue] = useState<{ controller: SessionController; state: SessionState } | null>(null);
  useEffect(() => {
    // Created here, not in render: the controller owns channels and databases that the cleanup closes.
    const controller = createSessionController({ desktop, policy });
    setValue({ controller, state: controller.state });
    const stop = controller.subscribe((state) => setValue({ controller, state }));
    const unfollow = role === 'follower' ? controller.follow() : () => undefined;
    return () => {
      stop();
      unfollow();
      controller.dispose();
    };
  }, [desktop, policy, role]);
  if (!value) return null;
  return (
    <ControllerContext.Provider value={value}>
      <SessionProvider session={value.state.kind === 'signed-in' ? value.state.session : null}>
        {children}
      </SessionProvider>
    </ControllerContext.Provider>
  );
}

export function useSessionController(): { controller: SessionController; state: SessionState } {
  const value = useContext(ControllerContext);
  if (!value) throw new Error('SessionRoot fehlt');
  return value;
}
