/**
 * Gives a window its session: every window follows a session signed in in another window (the
 * workspace also offers sign-in; the viewer waits for it). Provides the controller and the
 * unlocked session to the tree.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Policy } from '../../shared/policy/policy.ts';
import { useDesktopApi } from '../platform/desktop-context.tsx';
import { createSessionController, type SessionController, type SessionState } from './session-controller.ts';
import { SessionProvider } from './session-context.tsx';

const ControllerContext = createContext<{ controller: SessionController; state: SessionState } | null>(null);

export function SessionRoot({ children }: { children: ReactNode }) {
  const api = useDesktopApi();
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => {
    void api.app.getPolicy().then(setPolicy);
  }, [api]);
  if (!policy) return null;
  return <PolicySession policy={policy}>{children}</PolicySession>;
}

function PolicySession({ policy, children }: { policy: Policy; children: ReactNode }) {
  const desktop = useDesktopApi();
  const [value, setValue] = useState<{ controller: SessionController; state: SessionState } | null>(null);
  useEffect(() => {
    // Created here, not in render: the controller owns channels and databases that the cleanup closes.
    const controller = createSessionController({ desktop, policy });
    setValue({ controller, state: controller.state });
    const stop = controller.subscribe((state) => setValue({ controller, state }));
    const unfollow = controller.follow();
    return () => {
      stop();
      unfollow();
      controller.dispose();
    };
  }, [desktop, policy]);
  if (!value) return null;
  return (
    <ControllerContext.Provider value={value}>
      <SessionProvider session={value.state.kind === 'signed-in' ? value.state.session : null}>
        {children}
      </SessionProvider>
    </ControllerContext.Provider>
  );
}

/** The controller where a SessionRoot is above, else null (views rendered on their own, in tests). */
export function useOptionalSessionController(): { controller: SessionController; state: SessionState } | null {
  return useContext(ControllerContext);
}

export function useSessionController(): { controller: SessionController; state: SessionState } {
  const value = useContext(ControllerContext);
  if (!value) throw new Error('SessionRoot fehlt');
  return value;
}
