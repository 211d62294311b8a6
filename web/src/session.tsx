import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { vietnamDate } from "../../src/domain/period/index.ts";
import { api, type ResponseOf, setUnauthenticatedHandler } from "./api/client.ts";
import { forgetDrafts } from "./saving/drafts.ts";

export type Me = ResponseOf<"GET /api/auth/me">;
export type Role = Me["grants"][number]["role"];

interface Session {
  /** Undefined while the first check runs; null when nobody is signed in. */
  me: Me | null | undefined;
  /** True when the session ended while a page was open (the page stays, a login dialog opens). */
  expired: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Holds the role somewhere (an admin acts in every role within its scope). */
  can: (role: Role) => boolean;
}

const Context = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const signedIn = useRef<number | null>(null);
  signedIn.current = me?.userId ?? null;

  useEffect(() => {
    setUnauthenticatedHandler(() => setExpired(true));
    api
      .get("/api/auth/me")
      .then(setMe)
      .catch(() => setMe(null));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api.post("/api/auth/login", { body: { username, password } });
    if (signedIn.current !== null && signedIn.current !== answer.user.userId) {
      // Another person signed in over an open page (the re-login dialog): nothing of the
      // previous user's stays, neither the page nor the drafts in this browser.
      forgetDrafts();
      window.location.assign("/");
      return;
    }
    setMe(answer.user);
    setExpired(false);
  }, []);

  const logout = useCallback(async () => {
    await api.post("/api/auth/logout").catch(() => null);
    forgetDrafts();
    setMe(null);
    setExpired(false);
  }, []);

  const value = useMemo<Session>(
    () => ({
      me,
      expired,
      login,
      logout,
      can: (role) => !!me?.grants.some((g) => g.role === role || g.role === "admin"),
    }),
    [me, expired, login, logout],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** Today in Vietnam as the server counts it (YYYY-MM-DD): due dates and locks follow the server's clock. */
export function useToday(): string {
  const { me } = useSession();
  // Before sign-in the browser's own clock, counted in Việt Nam as the server counts it.
  return me?.today ?? vietnamDate(new Date());
}

export function useSession(): Session {
  const value = useContext(Context);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
