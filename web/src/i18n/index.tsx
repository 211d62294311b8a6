import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { en } from "./en.ts";
import { type Messages, vi } from "./vi.ts";

export type Lang = "vi" | "en";
const catalogues: Record<Lang, Messages> = { vi, en };
const STORAGE_KEY = "chiso.lang";

interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
  /** The server's text in the current language: `message` (vi) or `message_en`. */
  pick: (vi: string, en: string | null | undefined) => string;
}

const Context = createContext<I18n | null>(null);

function initialLang(): Lang {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return saved === "en" ? "en" : "vi";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    window.localStorage.setItem(STORAGE_KEY, lang);
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: catalogues[lang],
      setLang,
      pick: (textVi, textEn) => (lang === "en" && textEn ? textEn : textVi),
    }),
    [lang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
